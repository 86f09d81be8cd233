import type { Evaluator } from './Evaluator';
import { judgeWorkloads } from './judgeWorkloads';
import { noParams, type NoParams } from './noParams';
import { workloadLabel } from './describeWorkload';
import { labelSelectorMatches } from './labelSelectorMatches';
import { sameScope } from './sameScope';

/**
 * Every workload's pods are selected by a NetworkPolicy with an `Ingress`
 * policy type in the same cluster and namespace.
 *
 * @public
 */
export const networkPolicySelectsWorkload: Evaluator<NoParams> = {
  name: 'networkPolicySelectsWorkload',
  description: 'An ingress NetworkPolicy selects every workload',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeWorkloads({
      workloads: input.workloads,
      check: workload => {
        const policies = (input.networkPolicies ?? []).filter(
          p =>
            sameScope(p, workload) &&
            p.policyTypes.includes('Ingress') &&
            labelSelectorMatches(p.podSelector, workload.podLabels),
        );
        if (policies.length > 0) {
          return [];
        }
        return [
          {
            observed: { podLabels: workload.podLabels, networkPolicies: [] },
            finding: {
              field: workload.podSpecPath.replace(
                /\.spec$/,
                '.metadata.labels',
              ),
              message: `No NetworkPolicy selects the pods of ${workloadLabel(
                workload,
              )}`,
              remediation: `Add a NetworkPolicy (policyTypes: [Ingress]) whose podSelector matches the pod labels of ${workloadLabel(
                workload,
              )} and allows only the callers it needs`,
            },
          },
        ];
      },
    }),
};
