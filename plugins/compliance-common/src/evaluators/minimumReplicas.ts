import { z } from 'zod';
import type { Evaluator } from './Evaluator';
import { judgeWorkloads } from './judgeWorkloads';
import { fileOf, workloadLabel } from './describeWorkload';
import { sameScope } from './sameScope';

const params = z.strictObject({
  min: z.number().int().positive().default(2),
});

/**
 * Deployments and StatefulSets run at least `min` replicas (default 2). When
 * an HPA targets the workload, its `minReplicas` is what counts.
 *
 * @public
 */
export const minimumReplicas: Evaluator<z.infer<typeof params>> = {
  name: 'minimumReplicas',
  description:
    'Deployments and StatefulSets keep at least the minimum replicas',
  scope: 'service',
  judgeableFromRepository: true,
  params,
  evaluate: ({ input, params: { min } }) =>
    judgeWorkloads({
      workloads: input.workloads,
      kinds: ['Deployment', 'StatefulSet'],
      check: workload => {
        const hpa = (input.hpas ?? []).find(
          h =>
            sameScope(h, workload) &&
            h.target.kind === workload.kind &&
            h.target.name === workload.name,
        );
        const replicas = hpa ? hpa.minReplicas ?? 1 : workload.replicas ?? 1;
        if (replicas >= min) {
          return [];
        }
        return [
          {
            observed: {
              replicas,
              min,
              ...(hpa ? { hpa: `HorizontalPodAutoscaler/${hpa.name}` } : {}),
            },
            finding: hpa
              ? {
                  file: fileOf(hpa.source),
                  field: 'spec.minReplicas',
                  message: `HorizontalPodAutoscaler/${
                    hpa.name
                  } lets ${workloadLabel(
                    workload,
                  )} scale down to ${replicas} replica(s)`,
                  remediation: `Set spec.minReplicas of HorizontalPodAutoscaler/${hpa.name} to at least ${min}`,
                }
              : {
                  field: 'spec.replicas',
                  message: `${workloadLabel(
                    workload,
                  )} runs ${replicas} replica(s)`,
                  remediation: `Set spec.replicas of ${workloadLabel(
                    workload,
                  )} to at least ${min}`,
                },
          },
        ];
      },
    }),
};
