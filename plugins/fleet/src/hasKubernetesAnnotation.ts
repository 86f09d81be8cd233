import type { Entity } from '@backstage/catalog-model';
import {
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
} from '@carepath/plugin-fleet-common';

/**
 * Whether an entity names its Kubernetes workloads, by id or label selector
 * (the same annotations as the Backstage Kubernetes plugin).
 *
 * @public
 */
export function hasKubernetesAnnotation(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[KUBERNETES_ID_ANNOTATION] ||
      annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION],
  );
}
