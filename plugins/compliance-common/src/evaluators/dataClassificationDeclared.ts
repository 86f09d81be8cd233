import type { Evaluator } from './Evaluator';
import { noParams, type NoParams } from './noParams';
import {
  annotationField,
  judgeEntity,
  type EntityVerdict,
} from './judgeEntity';
import { complianceAnnotations } from '../complianceAnnotations';

const CLASSIFICATIONS = ['phi', 'pii', 'internal', 'public'];

/**
 * `carepath.io/data-classification` is declared and one of phi, pii,
 * internal, public.
 *
 * @public
 */
export const dataClassificationDeclared: Evaluator<NoParams> = {
  name: 'dataClassificationDeclared',
  description: 'The data classification is declared and valid',
  scope: 'service',
  judgeableFromRepository: true,
  params: noParams,
  evaluate: ({ input }) =>
    judgeEntity({
      input,
      check: (entity): EntityVerdict => {
        const annotation = complianceAnnotations.dataClassification;
        const value = entity.metadata.annotations[annotation];
        if (value && CLASSIFICATIONS.includes(value)) {
          return { status: 'pass', observed: { [annotation]: value } };
        }
        return {
          status: 'fail',
          observed: { [annotation]: value ?? null },
          finding: {
            field: annotationField(annotation),
            message: value
              ? `Data classification "${value}" is not one of ${CLASSIFICATIONS.join(
                  ', ',
                )}`
              : `Data classification is not declared (${annotation} missing)`,
            remediation: `Annotate the entity with ${annotation}: one of ${CLASSIFICATIONS.join(
              ', ',
            )}`,
          },
        };
      },
    }),
};
