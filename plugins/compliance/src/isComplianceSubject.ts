import type { Entity } from '@backstage/catalog-model';

/**
 * Entities the compliance backend evaluates: catalog components (services,
 * websites, …). Other kinds have no results, so they get no tab or card.
 */
export function isComplianceSubject(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}
