/**
 * Isomorphic health model and shared API types for CarePath's Fleet page:
 * compact projections of Kubernetes objects, per-kind health rules, pod
 * reasons, the roll-up from workloads to services across clusters, service
 * mapping from catalog annotations, and the `/api/fleet` REST types.
 *
 * @packageDocumentation
 */

export {
  healthStatuses,
  compareHealth,
  worstOf,
  isHealthStatus,
} from './HealthStatus';
export type { HealthStatus, WorkloadHealth } from './HealthStatus';

export type {
  Timestamp,
  ResourceKind,
  OwnerReferenceProjection,
  ConditionProjection,
  ObjectIdentity,
  ContainerSpecProjection,
  DeploymentProjection,
  StatefulSetProjection,
  DaemonSetProjection,
  ReplicaSetProjection,
  ContainerTerminatedProjection,
  ContainerStatusProjection,
  PodProjection,
  JobProjection,
  CronJobProjection,
  HorizontalPodAutoscalerProjection,
  ResourceProjection,
  EventProjection,
} from './projections';

export type {
  KubernetesTime,
  KubernetesObjectMeta,
  KubernetesCondition,
  KubernetesPodSpec,
  KubernetesPodTemplate,
  KubernetesDeployment,
  KubernetesStatefulSet,
  KubernetesDaemonSet,
  KubernetesReplicaSet,
  KubernetesContainerState,
  KubernetesContainerStatus,
  KubernetesPod,
  KubernetesJob,
  KubernetesCronJob,
  KubernetesHorizontalPodAutoscaler,
  KubernetesEvent,
} from './kubernetesObjects';

export {
  projectDeployment,
  projectStatefulSet,
  projectDaemonSet,
  projectReplicaSet,
  projectPod,
  projectJob,
  projectCronJob,
  projectHorizontalPodAutoscaler,
  projectEvent,
} from './projectObjects';

export { deploymentHealth } from './deploymentHealth';
export { statefulSetHealth } from './statefulSetHealth';
export { daemonSetHealth } from './daemonSetHealth';
export { replicaSetHealth } from './replicaSetHealth';
export { jobHealth } from './jobHealth';
export { cronJobHealth } from './cronJobHealth';
export type { CronJobHealthOptions } from './cronJobHealth';
export { horizontalPodAutoscalerHealth } from './horizontalPodAutoscalerHealth';
export { podHealth } from './podHealth';
export {
  podReasons,
  DEFAULT_RESTART_WINDOW_MS,
  DEFAULT_READINESS_GRACE_MS,
  DEFAULT_PENDING_GRACE_MS,
  DEFAULT_TERMINATING_GRACE_MS,
} from './podReasons';
export type { PodReason, PodReasonCode, PodHealthOptions } from './podReasons';
export { workloadHealth } from './workloadHealth';
export type { WorkloadHealthOptions } from './workloadHealth';

export { rollupClusterHealth } from './rollupClusterHealth';
export type {
  RestartCounts,
  ClusterSyncState,
  ClusterConnection,
  ServicePodHealth,
  ServiceWorkloadHealth,
  ClusterHealth,
  ClusterHealthDetail,
  RollupClusterHealthOptions,
} from './rollupClusterHealth';
export { rollupServiceHealth } from './rollupServiceHealth';
export type {
  ServiceHealth,
  RollupServiceHealthOptions,
} from './rollupServiceHealth';

export {
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_ID_LABEL,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  KUBERNETES_CLUSTER_ANNOTATION,
  DATA_CLASSIFICATION_ANNOTATION,
} from './annotations';
export { labelSelectorMatches } from './labelSelectorMatches';
export { entityWorkloadSelector } from './entityWorkloadSelector';
export type { EntityWorkloadSelector } from './entityWorkloadSelector';

export { fleetReadPermission, fleetPermissions } from './permissions';

export type {
  DataClassification,
  ServiceSummary,
  ServiceClusterDetail,
  ServiceDetail,
  ResourceCounts,
  ClusterState,
  UnregisteredWorkload,
  HealthSummaryCounts,
  FleetListResponse,
  ServiceListResponse,
  ServiceSortField,
  SortDirection,
  ServiceQuery,
  FleetChangeEvent,
} from './api';
