import type { Evaluator } from './Evaluator';
import { judgeWorkloads, type WorkloadFinding } from './judgeWorkloads';
import { noParams, type NoParams } from './noParams';
import { containersOf } from './containersOf';
import { workloadLabel } from './describeWorkload';

/**
 * Every container sets `allowPrivilegeEscalation: false` (Kubernetes
 * defaults to allowing it) and none is privileged.
 *
 * @public
 */
export const noPrivilegeEscalation: Evaluator<NoParams> = {
  name: 'noPrivilegeEscalation',
  description:
    'Containers set allowPrivilegeEscalation: false and are not privileged',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeWorkloads({
      workloads: input.workloads,
      check: workload =>
        containersOf(workload).flatMap(c => {
          const found: WorkloadFinding[] = [];
          if (c.securityContext.allowPrivilegeEscalation !== false) {
            found.push({
              observed: {
                container: c.name,
                allowPrivilegeEscalation:
                  c.securityContext.allowPrivilegeEscalation ?? null,
              },
              finding: {
                field: `${c.path}.securityContext.allowPrivilegeEscalation`,
                message: `${workloadLabel(workload)} container ${
                  c.name
                } allows privilege escalation`,
                remediation: `Set ${c.path}.securityContext.allowPrivilegeEscalation: false`,
              },
            });
          }
          if (c.securityContext.privileged === true) {
            found.push({
              observed: { container: c.name, privileged: true },
              finding: {
                field: `${c.path}.securityContext.privileged`,
                message: `${workloadLabel(workload)} container ${
                  c.name
                } runs privileged`,
                remediation: `Remove ${c.path}.securityContext.privileged (or set it to false)`,
              },
            });
          }
          return found;
        }),
    }),
};
