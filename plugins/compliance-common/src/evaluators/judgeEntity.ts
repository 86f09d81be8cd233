import type { EntityObservation, EvaluationInput } from '../EvaluationInput';
import type { Observed } from '../Observed';
import type { EvaluatorOutcome, Finding } from './Evaluator';

/** JSON path of an annotation, e.g. `metadata.annotations['carepath.io/on-call']`. */
export function annotationField(annotation: string): string {
  return `metadata.annotations['${annotation}']`;
}

/** A check's verdict on the entity. */
export type EntityVerdict =
  | { status: 'pass' | 'not-applicable'; observed: Observed }
  | { status: 'fail'; observed: Observed; finding: Finding };

/**
 * Runs a check over the catalog entity. No entity → `not-applicable`.
 * The check returns what it saw and, when failing, a finding; the entity's
 * file (for `catalog-info.yaml`) is added to the finding.
 */
export function judgeEntity(options: {
  input: EvaluationInput;
  check: (entity: EntityObservation) => EntityVerdict;
}): EvaluatorOutcome {
  const { entity } = options.input;
  if (!entity) {
    return {
      status: 'not-applicable',
      observed: { reason: 'no catalog entity' },
    };
  }
  const outcome = options.check(entity);
  const observed = {
    entity: `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
      entity.metadata.name
    }`.toLowerCase(),
    ...outcome.observed,
  };
  if (outcome.status !== 'fail') {
    return { status: outcome.status, observed };
  }
  return {
    status: 'fail',
    observed,
    findings: [{ file: entity.file, ...outcome.finding }],
  };
}
