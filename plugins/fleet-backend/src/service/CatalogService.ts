import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  DATA_CLASSIFICATION_ANNOTATION,
  entityWorkloadSelector,
  type DataClassification,
  type EntityWorkloadSelector,
} from '@carepath/plugin-fleet-common';

/**
 * A catalog entity with Kubernetes workloads, reduced to what the fleet
 * needs.
 *
 * @public
 */
export interface CatalogService {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  dataClassification?: DataClassification;
  selector: EntityWorkloadSelector;
}

const CLASSIFICATIONS: DataClassification[] = [
  'phi',
  'pii',
  'internal',
  'public',
];

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads a {@link CatalogService} from an entity, or undefined when it has
 * no `backstage.io/kubernetes-id` / `backstage.io/kubernetes-label-selector`.
 *
 * @public
 */
export function catalogServiceFromEntity(
  entity: Entity,
): CatalogService | undefined {
  const selector = entityWorkloadSelector(entity.metadata.annotations);
  if (!selector) return undefined;
  const spec = entity.spec ?? {};
  const classification = entity.metadata.annotations?.[
    DATA_CLASSIFICATION_ANNOTATION
  ] as DataClassification | undefined;
  const service: CatalogService = {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    selector,
  };
  const optional: Partial<CatalogService> = {
    title: text(entity.metadata.title),
    owner: text(spec.owner),
    system: text(spec.system),
    lifecycle: text(spec.lifecycle),
    dataClassification:
      classification && CLASSIFICATIONS.includes(classification)
        ? classification
        : undefined,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) {
      (service as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return service;
}
