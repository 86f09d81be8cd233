/**
 * Minimal structural types for full Kubernetes objects, as returned by the
 * API server (JSON, timestamps as strings) or by `@kubernetes/client-node`
 * (timestamps as `Date`). Only the fields the projections read are declared,
 * so any richer object type is assignable to them.
 */

/**
 * A timestamp as it arrives from the API: an RFC 3339 string in JSON or a
 * `Date` once a client library has deserialised it.
 *
 * @public
 */
export type KubernetesTime = string | Date;

/**
 * The parts of `metadata` the projections read.
 *
 * @public
 */
export interface KubernetesObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  ownerReferences?: Array<{
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
  }>;
  generation?: number;
  creationTimestamp?: KubernetesTime | null;
  deletionTimestamp?: KubernetesTime | null;
}

/**
 * A status condition as the API returns it.
 *
 * @public
 */
export interface KubernetesCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: KubernetesTime | null;
}

/**
 * The parts of a pod spec the projections read.
 *
 * @public
 */
export interface KubernetesPodSpec {
  nodeName?: string;
  restartPolicy?: string;
  containers?: Array<{ name: string; image?: string }>;
}

/**
 * The parts of a pod template the projections read.
 *
 * @public
 */
export interface KubernetesPodTemplate {
  spec?: KubernetesPodSpec;
}

/**
 * Structural type of an `apps/v1` Deployment.
 *
 * @public
 */
export interface KubernetesDeployment {
  metadata?: KubernetesObjectMeta;
  spec?: {
    replicas?: number;
    paused?: boolean;
    progressDeadlineSeconds?: number;
    strategy?: { type?: string };
    template?: KubernetesPodTemplate;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: KubernetesCondition[];
  };
}

/**
 * Structural type of an `apps/v1` StatefulSet.
 *
 * @public
 */
export interface KubernetesStatefulSet {
  metadata?: KubernetesObjectMeta;
  spec?: {
    replicas?: number;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
    template?: KubernetesPodTemplate;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    readyReplicas?: number;
    currentReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    currentRevision?: string;
    updateRevision?: string;
    conditions?: KubernetesCondition[];
  };
}

/**
 * Structural type of an `apps/v1` DaemonSet.
 *
 * @public
 */
export interface KubernetesDaemonSet {
  metadata?: KubernetesObjectMeta;
  spec?: {
    updateStrategy?: { type?: string };
    template?: KubernetesPodTemplate;
  };
  status?: {
    observedGeneration?: number;
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberReady?: number;
    numberAvailable?: number;
    numberUnavailable?: number;
    numberMisscheduled?: number;
    conditions?: KubernetesCondition[];
  };
}

/**
 * Structural type of an `apps/v1` ReplicaSet.
 *
 * @public
 */
export interface KubernetesReplicaSet {
  metadata?: KubernetesObjectMeta;
  spec?: {
    replicas?: number;
    template?: KubernetesPodTemplate;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    conditions?: KubernetesCondition[];
  };
}

/**
 * A container state as the API returns it.
 *
 * @public
 */
export interface KubernetesContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: KubernetesTime | null };
  terminated?: {
    reason?: string;
    message?: string;
    exitCode: number;
    startedAt?: KubernetesTime | null;
    finishedAt?: KubernetesTime | null;
  };
}

/**
 * A container status as the API returns it.
 *
 * @public
 */
export interface KubernetesContainerStatus {
  name: string;
  image?: string;
  ready: boolean;
  restartCount: number;
  state?: KubernetesContainerState;
  lastState?: KubernetesContainerState;
}

/**
 * Structural type of a core/v1 Pod.
 *
 * @public
 */
export interface KubernetesPod {
  metadata?: KubernetesObjectMeta;
  spec?: KubernetesPodSpec;
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    startTime?: KubernetesTime | null;
    conditions?: KubernetesCondition[];
    initContainerStatuses?: KubernetesContainerStatus[];
    containerStatuses?: KubernetesContainerStatus[];
  };
}

/**
 * Structural type of a `batch/v1` Job.
 *
 * @public
 */
export interface KubernetesJob {
  metadata?: KubernetesObjectMeta;
  spec?: {
    suspend?: boolean;
    completions?: number;
    parallelism?: number;
    backoffLimit?: number;
    activeDeadlineSeconds?: number;
    template?: KubernetesPodTemplate;
  };
  status?: {
    active?: number;
    succeeded?: number;
    failed?: number;
    startTime?: KubernetesTime | null;
    completionTime?: KubernetesTime | null;
    conditions?: KubernetesCondition[];
  };
}

/**
 * Structural type of a `batch/v1` CronJob.
 *
 * @public
 */
export interface KubernetesCronJob {
  metadata?: KubernetesObjectMeta;
  spec?: {
    schedule?: string;
    timeZone?: string;
    suspend?: boolean;
    concurrencyPolicy?: string;
    jobTemplate?: { spec?: { template?: KubernetesPodTemplate } };
  };
  status?: {
    lastScheduleTime?: KubernetesTime | null;
    lastSuccessfulTime?: KubernetesTime | null;
    active?: Array<{ name?: string; uid?: string }>;
  };
}

/**
 * Structural type of an `autoscaling/v2` (or v1) HorizontalPodAutoscaler.
 *
 * @public
 */
export interface KubernetesHorizontalPodAutoscaler {
  metadata?: KubernetesObjectMeta;
  spec?: {
    scaleTargetRef?: { kind?: string; name?: string };
    minReplicas?: number;
    maxReplicas?: number;
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    lastScaleTime?: KubernetesTime | null;
    conditions?: KubernetesCondition[];
  };
}

/**
 * Structural type of a core/v1 Event.
 *
 * @public
 */
export interface KubernetesEvent {
  metadata?: KubernetesObjectMeta;
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: KubernetesTime | null;
  lastTimestamp?: KubernetesTime | null;
  eventTime?: KubernetesTime | null;
  series?: { count?: number; lastObservedTime?: KubernetesTime | null };
  involvedObject?: {
    kind?: string;
    name?: string;
    namespace?: string;
    uid?: string;
  };
}
