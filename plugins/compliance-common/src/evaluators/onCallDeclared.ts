import type { Evaluator } from './Evaluator';
import { noParams, type NoParams } from './noParams';
import {
  annotationField,
  judgeEntity,
  type EntityVerdict,
} from './judgeEntity';
import { complianceAnnotations } from '../complianceAnnotations';

/**
 * Someone can be reached about the service: the `carepath.io/on-call`
 * annotation is set, or (when the live catalog resolved it) the owner group
 * has a `spec.profile.email`. The annotation is what repositories are
 * expected to carry; the owner e-mail is a fallback only the backend sees.
 *
 * @public
 */
export const onCallDeclared: Evaluator<NoParams> = {
  name: 'onCallDeclared',
  description: 'An on-call rota or owner contact is declared',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeEntity({
      input,
      check: (entity): EntityVerdict => {
        const annotation = complianceAnnotations.onCall;
        const onCall = entity.metadata.annotations[annotation]?.trim();
        if (onCall) {
          return { status: 'pass', observed: { [annotation]: onCall } };
        }
        if (entity.ownerEmail) {
          return {
            status: 'pass',
            observed: { [annotation]: null, ownerEmail: entity.ownerEmail },
          };
        }
        return {
          status: 'fail',
          observed: { [annotation]: null, ownerEmail: null },
          finding: {
            field: annotationField(annotation),
            message: `No on-call contact: ${annotation} missing and the owner group has no e-mail`,
            remediation: `Annotate the entity with ${annotation} (rota or alias), or give the owner group a spec.profile.email`,
          },
        };
      },
    }),
};
