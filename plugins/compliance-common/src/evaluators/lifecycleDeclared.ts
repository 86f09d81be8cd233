import type { Evaluator } from './Evaluator';
import { noParams, type NoParams } from './noParams';
import { judgeEntity, type EntityVerdict } from './judgeEntity';

/**
 * `spec.lifecycle` is set.
 *
 * @public
 */
export const lifecycleDeclared: Evaluator<NoParams> = {
  name: 'lifecycleDeclared',
  description: 'The lifecycle is declared',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeEntity({
      input,
      check: (entity): EntityVerdict => {
        const lifecycle = entity.spec.lifecycle;
        if (lifecycle) {
          return { status: 'pass', observed: { lifecycle } };
        }
        return {
          status: 'fail',
          observed: { lifecycle: null },
          finding: {
            field: 'spec.lifecycle',
            message: 'No lifecycle declared',
            remediation:
              'Set spec.lifecycle (experimental, production or deprecated)',
          },
        };
      },
    }),
};
