import type { Evaluator } from './Evaluator';
import { noParams, type NoParams } from './noParams';
import {
  annotationField,
  judgeEntity,
  type EntityVerdict,
} from './judgeEntity';
import { complianceAnnotations } from '../complianceAnnotations';

/**
 * The entity declares `carepath.io/audit-logging: enabled`. Meant for PHI
 * services (restrict with `appliesTo.dataClassification: [phi]`).
 *
 * @public
 */
export const auditLoggingDeclared: Evaluator<NoParams> = {
  name: 'auditLoggingDeclared',
  description: 'The service declares audit logging enabled',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeEntity({
      input,
      check: (entity): EntityVerdict => {
        const annotation = complianceAnnotations.auditLogging;
        const value = entity.metadata.annotations[annotation];
        if (value === 'enabled') {
          return { status: 'pass', observed: { [annotation]: value } };
        }
        return {
          status: 'fail',
          observed: { [annotation]: value ?? null },
          finding: {
            field: annotationField(annotation),
            message: value
              ? `Audit logging is declared "${value}", not "enabled"`
              : `Audit logging is not declared (${annotation} missing)`,
            remediation: `Enable the PHI access audit log and annotate the entity with ${annotation}: enabled`,
          },
        };
      },
    }),
};
