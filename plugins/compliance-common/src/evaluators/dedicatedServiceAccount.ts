import type { Evaluator } from './Evaluator';
import { judgeWorkloads } from './judgeWorkloads';
import { noParams, type NoParams } from './noParams';
import { workloadLabel } from './describeWorkload';

/**
 * Every workload runs as a dedicated ServiceAccount, never `default`.
 *
 * @public
 */
export const dedicatedServiceAccount: Evaluator<NoParams> = {
  name: 'dedicatedServiceAccount',
  description: 'Workloads run as a dedicated ServiceAccount, not `default`',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeWorkloads({
      workloads: input.workloads,
      check: workload => {
        const account = workload.serviceAccountName || 'default';
        if (account !== 'default') {
          return [];
        }
        return [
          {
            observed: { serviceAccountName: account },
            finding: {
              field: `${workload.podSpecPath}.serviceAccountName`,
              message: `${workloadLabel(
                workload,
              )} runs as the namespace's default ServiceAccount${
                workload.serviceAccountName
                  ? ''
                  : ' (serviceAccountName not set)'
              }`,
              remediation: `Create a ServiceAccount for ${workload.name} and set ${workload.podSpecPath}.serviceAccountName to it`,
            },
          },
        ];
      },
    }),
};
