/**
 * Annotation naming the Kubernetes id of a catalog entity; workloads carry it
 * as the label `backstage.io/kubernetes-id=<id>`. Same as Backstage's
 * Kubernetes plugin.
 *
 * @public
 */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';

/**
 * Label carrying the Kubernetes id on workloads (same key as the annotation).
 *
 * @public
 */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

/**
 * Annotation holding a full label selector for the entity's workloads;
 * takes precedence over {@link KUBERNETES_ID_ANNOTATION}. Same as Backstage's
 * Kubernetes plugin.
 *
 * @public
 */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';

/**
 * Annotation restricting the entity's workloads to one namespace.
 *
 * @public
 */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/**
 * Annotation restricting the entity's workloads to one cluster (by name).
 *
 * @public
 */
export const KUBERNETES_CLUSTER_ANNOTATION = 'backstage.io/kubernetes-cluster';

/**
 * CarePath annotation classifying the data a service handles: `phi`, `pii`,
 * `internal` or `public`.
 *
 * @public
 */
export const DATA_CLASSIFICATION_ANNOTATION = 'carepath.io/data-classification';
