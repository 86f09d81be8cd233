import type { Evaluator } from './Evaluator';
import { judgeWorkloads } from './judgeWorkloads';
import { noParams, type NoParams } from './noParams';
import { containersOf } from './containersOf';
import { workloadLabel } from './describeWorkload';

/**
 * Every container (init containers included) has a read-only root filesystem.
 *
 * @public
 */
export const readOnlyRootFilesystem: Evaluator<NoParams> = {
  name: 'readOnlyRootFilesystem',
  description: 'Containers run with a read-only root filesystem',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeWorkloads({
      workloads: input.workloads,
      check: workload =>
        containersOf(workload)
          .filter(c => c.securityContext.readOnlyRootFilesystem !== true)
          .map(c => ({
            observed: {
              container: c.name,
              readOnlyRootFilesystem:
                c.securityContext.readOnlyRootFilesystem ?? null,
            },
            finding: {
              field: `${c.path}.securityContext.readOnlyRootFilesystem`,
              message: `${workloadLabel(workload)} container ${
                c.name
              } has a writable root filesystem`,
              remediation: `Set ${c.path}.securityContext.readOnlyRootFilesystem: true and mount an emptyDir for any path the process writes to`,
            },
          })),
    }),
};
