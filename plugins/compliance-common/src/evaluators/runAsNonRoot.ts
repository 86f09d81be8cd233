import type { Evaluator } from './Evaluator';
import { judgeWorkloads, type WorkloadFinding } from './judgeWorkloads';
import { noParams, type NoParams } from './noParams';
import { containersOf } from './containersOf';
import { workloadLabel } from './describeWorkload';

/**
 * Every container runs as non-root: `runAsNonRoot: true` at pod level, or on
 * every container. A container-level `false` overrides the pod. Containers
 * that inherit an unset pod setting yield one finding on the pod's
 * securityContext; explicit `false` yields one finding per container.
 *
 * @public
 */
export const runAsNonRoot: Evaluator<NoParams> = {
  name: 'runAsNonRoot',
  description: 'Pods or every container set runAsNonRoot: true',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeWorkloads({
      workloads: input.workloads,
      check: workload => {
        const podLevel = workload.podSecurityContext.runAsNonRoot;
        const containers = containersOf(workload);
        const explicitlyRoot = containers.filter(
          c => c.securityContext.runAsNonRoot === false,
        );
        const inheriting = containers.filter(
          c =>
            c.securityContext.runAsNonRoot === undefined && podLevel !== true,
        );
        const found: WorkloadFinding[] = explicitlyRoot.map(c => ({
          observed: { container: c.name, runAsNonRoot: false },
          finding: {
            field: `${c.path}.securityContext.runAsNonRoot`,
            message: `${workloadLabel(workload)} container ${
              c.name
            } may run as root (runAsNonRoot: false)`,
            remediation: `Set ${c.path}.securityContext.runAsNonRoot: true and run the image as a non-zero UID`,
          },
        }));
        if (inheriting.length > 0) {
          const podField = `${workload.podSpecPath}.securityContext.runAsNonRoot`;
          const names = inheriting.map(c => c.name);
          found.push({
            observed: { containers: names, podRunAsNonRoot: podLevel ?? null },
            finding: {
              field: podField,
              message: `${workloadLabel(workload)} containers ${names.join(
                ', ',
              )} may run as root (runAsNonRoot not set)`,
              remediation: `Set ${podField}: true (and a non-zero runAsUser)`,
            },
          });
        }
        return found;
      },
    }),
};
