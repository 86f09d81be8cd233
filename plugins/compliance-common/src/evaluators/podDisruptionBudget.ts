import type { Evaluator } from './Evaluator';
import { judgeWorkloads } from './judgeWorkloads';
import { noParams, type NoParams } from './noParams';
import { workloadLabel } from './describeWorkload';
import { labelSelectorMatches } from './labelSelectorMatches';
import { sameScope } from './sameScope';

/**
 * Every Deployment and StatefulSet is covered by a PodDisruptionBudget
 * selecting its pods.
 *
 * @public
 */
export const podDisruptionBudget: Evaluator<NoParams> = {
  name: 'podDisruptionBudget',
  description: 'A PodDisruptionBudget covers every Deployment and StatefulSet',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeWorkloads({
      workloads: input.workloads,
      kinds: ['Deployment', 'StatefulSet'],
      check: workload => {
        const covered = (input.pdbs ?? []).some(
          pdb =>
            sameScope(pdb, workload) &&
            labelSelectorMatches(pdb.selector, workload.podLabels),
        );
        if (covered) {
          return [];
        }
        return [
          {
            observed: { podLabels: workload.podLabels, pdbs: [] },
            finding: {
              message: `No PodDisruptionBudget selects the pods of ${workloadLabel(
                workload,
              )}`,
              remediation: `Add a PodDisruptionBudget (e.g. maxUnavailable: 1) whose selector matches the pod labels of ${workloadLabel(
                workload,
              )}`,
            },
          },
        ];
      },
    }),
};
