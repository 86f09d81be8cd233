import type { Evaluator } from './Evaluator';
import { judgeWorkloads } from './judgeWorkloads';
import { noParams, type NoParams } from './noParams';
import { workloadLabel } from './describeWorkload';
import { sameScope } from './sameScope';

/**
 * The ServiceAccount token is not automounted into pods. The pod-level
 * setting wins; otherwise the ServiceAccount's; Kubernetes defaults to `true`.
 *
 * @public
 */
export const serviceAccountTokenNotMounted: Evaluator<NoParams> = {
  name: 'serviceAccountTokenNotMounted',
  description: 'ServiceAccount token automount is disabled',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeWorkloads({
      workloads: input.workloads,
      check: workload => {
        const accountName = workload.serviceAccountName || 'default';
        const account = (input.serviceAccounts ?? []).find(
          sa => sa.name === accountName && sameScope(sa, workload),
        );
        const effective =
          workload.automountServiceAccountToken ??
          account?.automountServiceAccountToken ??
          true;
        if (!effective) {
          return [];
        }
        let setBy = 'Kubernetes default';
        if (workload.automountServiceAccountToken !== undefined) {
          setBy = 'pod';
        } else if (account?.automountServiceAccountToken !== undefined) {
          setBy = `ServiceAccount/${accountName}`;
        }
        return [
          {
            observed: {
              serviceAccountName: accountName,
              automount: true,
              setBy,
            },
            finding: {
              field: `${workload.podSpecPath}.automountServiceAccountToken`,
              message: `${workloadLabel(
                workload,
              )} mounts the ServiceAccount token (${setBy})`,
              remediation: `Set ${workload.podSpecPath}.automountServiceAccountToken: false (and automountServiceAccountToken: false on ServiceAccount/${accountName}); mount a projected token only where the API is really needed`,
            },
          },
        ];
      },
    }),
};
