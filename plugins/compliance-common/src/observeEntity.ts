import type { Entity } from '@backstage/catalog-model';
import type { EntityObservation } from './EvaluationInput';
import { fields, text, textMap } from './manifestFields';

/**
 * Reduces a catalog entity to what evaluators read, adding the facts only
 * the live catalog can resolve. The backend passes `ownerExists`,
 * `ownerKind` and `ownerEmail`; the scaffolder passes `file`.
 *
 * @public
 */
export function observeEntity(options: {
  entity: Entity;
  file?: string;
  ownerExists?: boolean;
  ownerKind?: string;
  ownerEmail?: string;
}): EntityObservation {
  const { entity, file, ownerExists, ownerKind, ownerEmail } = options;
  const spec = fields(entity.spec);
  const observation: EntityObservation = {
    kind: entity.kind,
    metadata: {
      name: entity.metadata.name,
      namespace: entity.metadata.namespace,
      annotations: textMap(entity.metadata.annotations),
      labels: textMap(entity.metadata.labels),
    },
    spec: {
      owner: text(spec.owner),
      lifecycle: text(spec.lifecycle),
      type: text(spec.type),
      system: text(spec.system),
    },
  };
  if (file !== undefined) observation.file = file;
  if (ownerExists !== undefined) observation.ownerExists = ownerExists;
  if (ownerKind !== undefined) observation.ownerKind = ownerKind;
  if (ownerEmail !== undefined) observation.ownerEmail = ownerEmail;
  return observation;
}
