import {
  KUBERNETES_CLUSTER_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from './annotations';

/**
 * Which workloads belong to a catalog entity.
 *
 * @public
 */
export interface EntityWorkloadSelector {
  /** A label selector string, for {@link labelSelectorMatches}. */
  selector: string;
  /** Only workloads in this namespace, when set. */
  namespace?: string;
  /** Only workloads in this cluster, when set. */
  cluster?: string;
}

/**
 * Derives an entity's workload selector from its annotations exactly as
 * Backstage's Kubernetes plugin does: the entity has Kubernetes workloads
 * only when it has `backstage.io/kubernetes-id` or
 * `backstage.io/kubernetes-label-selector`; the label-selector annotation
 * wins, otherwise the selector is `backstage.io/kubernetes-id=<id>`.
 * `backstage.io/kubernetes-namespace` and `backstage.io/kubernetes-cluster`
 * narrow the search. Returns undefined for entities without workloads.
 *
 * @public
 */
export function entityWorkloadSelector(
  annotations: Record<string, string> | undefined,
): EntityWorkloadSelector | undefined {
  const id = annotations?.[KUBERNETES_ID_ANNOTATION];
  const labelSelector = annotations?.[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
  if (!id && !labelSelector) {
    return undefined;
  }
  const result: EntityWorkloadSelector = {
    selector: labelSelector || `${KUBERNETES_ID_ANNOTATION}=${id}`,
  };
  const namespace = annotations?.[KUBERNETES_NAMESPACE_ANNOTATION];
  if (namespace) {
    result.namespace = namespace;
  }
  const cluster = annotations?.[KUBERNETES_CLUSTER_ANNOTATION];
  if (cluster) {
    result.cluster = cluster;
  }
  return result;
}
