import type { Evaluator } from './Evaluator';
import { noParams, type NoParams } from './noParams';
import { judgeEntity, type EntityVerdict } from './judgeEntity';

/**
 * `spec.owner` is set, exists in the catalog, and is a Group. Needs the live
 * catalog (`ownerExists`, `ownerKind`); `not-applicable` when unresolved.
 *
 * @public
 */
export const ownerIsGroup: Evaluator<NoParams> = {
  name: 'ownerIsGroup',
  description: 'The owner exists in the catalog and is a group',
  scope: 'service',
  judgeableFromRepository: false,
  params: noParams,
  evaluate: ({ input }) =>
    judgeEntity({
      input,
      check: (entity): EntityVerdict => {
        const owner = entity.spec.owner;
        if (!owner) {
          return {
            status: 'fail',
            observed: { owner: null },
            finding: {
              field: 'spec.owner',
              message: 'No owner declared',
              remediation:
                'Set spec.owner to the owning team, e.g. group:default/care-coordination',
            },
          };
        }
        if (entity.ownerExists === undefined) {
          return {
            status: 'not-applicable',
            observed: {
              owner,
              reason: 'owner not resolved against the catalog',
            },
          };
        }
        const observed = {
          owner,
          ownerExists: entity.ownerExists,
          ownerKind: entity.ownerKind ?? null,
        };
        if (!entity.ownerExists) {
          return {
            status: 'fail',
            observed,
            finding: {
              field: 'spec.owner',
              message: `Owner ${owner} does not exist in the catalog`,
              remediation: `Point spec.owner at an existing group, or register ${owner}`,
            },
          };
        }
        if (entity.ownerKind?.toLowerCase() !== 'group') {
          return {
            status: 'fail',
            observed,
            finding: {
              field: 'spec.owner',
              message: `Owner ${owner} is a ${
                entity.ownerKind ?? 'entity of unknown kind'
              }, not a Group`,
              remediation:
                'Make a team (Group) the owner so ownership survives people leaving',
            },
          };
        }
        return { status: 'pass', observed };
      },
    }),
};
