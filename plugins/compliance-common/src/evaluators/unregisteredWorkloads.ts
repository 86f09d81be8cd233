import { z } from 'zod';
import type { Evaluator, EvaluatorOutcome } from './Evaluator';
import { describeWorkload, workloadLabel } from './describeWorkload';

const params = z.strictObject({
  /** Namespaces whose workloads belong to the platform itself. */
  ignoreNamespaces: z
    .array(z.string())
    .default(['kube-system', 'kube-public', 'kube-node-lease']),
  /** Who the finding is attributed to. */
  attributedTo: z.string().default('group:default/platform-team'),
});

/**
 * Platform-level: no workload runs in a cluster without a catalog entity
 * claiming it. Judged over `input.unregisteredWorkloads`, which the backend
 * computes; attributed to the platform team, not to a service.
 *
 * @public
 */
export const unregisteredWorkloads: Evaluator<z.infer<typeof params>> = {
  name: 'unregisteredWorkloads',
  description:
    'Every workload running in a cluster is registered in the catalog',
  scope: 'platform',
  judgeableFromRepository: false,
  params,
  evaluate: ({
    input,
    params: { ignoreNamespaces, attributedTo },
  }): EvaluatorOutcome => {
    if (!input.unregisteredWorkloads) {
      return {
        status: 'not-applicable',
        observed: { reason: 'cluster inventory not observed' },
      };
    }
    const offending = input.unregisteredWorkloads.filter(
      w => !w.namespace || !ignoreNamespaces.includes(w.namespace),
    );
    if (offending.length === 0) {
      return { status: 'pass', observed: { attributedTo, unregistered: [] } };
    }
    return {
      status: 'fail',
      observed: { attributedTo, unregistered: offending.map(describeWorkload) },
      findings: offending.map(w => ({
        message: `${workloadLabel(w)} in ${
          w.source.type === 'cluster' ? w.source.cluster : 'a manifest'
        }${
          w.namespace ? `/${w.namespace}` : ''
        } is not claimed by any catalog entity`,
        remediation: `Register ${workloadLabel(
          w,
        )} in the catalog (backstage.io/kubernetes-id label) or remove it; the platform team (${attributedTo}) owns this finding`,
      })),
    };
  },
};
