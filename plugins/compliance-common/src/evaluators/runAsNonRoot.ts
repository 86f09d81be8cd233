import type { Evaluator } from './Evaluator';
import { judgeWorkloads } from './judgeWorkloads';
import { noParams, type NoParams } from './noParams';
import { containersOf } from './containersOf';
import { workloadLabel } from './describeWorkload';

/**
 * Every container runs as non-root: `runAsNonRoot: true` at pod level, or on
 * every container. A container-level `false` overrides the pod.
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
        const offending = containersOf(workload).filter(
          c => (c.securityContext.runAsNonRoot ?? podLevel) !== true,
        );
        if (offending.length === 0) {
          return [];
        }
        const podField = `${workload.podSpecPath}.securityContext.runAsNonRoot`;
        return offending.map(c => {
          const explicitlyRoot = c.securityContext.runAsNonRoot === false;
          return {
            observed: {
              container: c.name,
              podRunAsNonRoot: podLevel ?? null,
              containerRunAsNonRoot: c.securityContext.runAsNonRoot ?? null,
            },
            finding: {
              field: explicitlyRoot
                ? `${c.path}.securityContext.runAsNonRoot`
                : podField,
              message: `${workloadLabel(workload)} container ${
                c.name
              } may run as root${
                explicitlyRoot ? ' (runAsNonRoot: false)' : ''
              }`,
              remediation: explicitlyRoot
                ? `Set ${c.path}.securityContext.runAsNonRoot: true and run the image as a non-zero UID`
                : `Set ${podField}: true (and a non-zero runAsUser)`,
            },
          };
        });
      },
    }),
};
