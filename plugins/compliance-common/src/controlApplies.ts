import type { Control } from './Control';
import type { EntityObservation } from './EvaluationInput';
import { complianceAnnotations } from './complianceAnnotations';

const CLASSIFICATIONS = ['phi', 'pii', 'internal', 'public'];

/**
 * The classification used to select controls. Undeclared or unknown
 * classifications are treated as `phi`: the strictest controls apply until
 * the service says otherwise.
 *
 * @public
 */
export function effectiveDataClassification(
  entity: EntityObservation | undefined,
): string {
  const value =
    entity?.metadata.annotations[complianceAnnotations.dataClassification];
  return value && CLASSIFICATIONS.includes(value) ? value : 'phi';
}

/**
 * Whether a control applies to an entity according to its `appliesTo`
 * filters. An undeclared lifecycle is treated as `production`; kind and type
 * filters never match when there is no entity.
 *
 * @public
 */
export function controlApplies(
  control: Control,
  entity: EntityObservation | undefined,
): boolean {
  const { dataClassification, lifecycle, kind, type } = control.appliesTo;
  if (
    dataClassification.length > 0 &&
    !(dataClassification as string[]).includes(
      effectiveDataClassification(entity),
    )
  ) {
    return false;
  }
  if (
    lifecycle.length > 0 &&
    !lifecycle.includes(entity?.spec.lifecycle || 'production')
  ) {
    return false;
  }
  if (
    kind.length > 0 &&
    !kind.some(k => k.toLowerCase() === entity?.kind.toLowerCase())
  ) {
    return false;
  }
  if (type.length > 0 && !type.includes(entity?.spec.type ?? '')) {
    return false;
  }
  return true;
}
