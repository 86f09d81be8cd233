/**
 * Compact projections of the Kubernetes objects the fleet health model needs.
 *
 * The backend keeps these (and nothing else) in memory from its informers, so
 * they hold exactly the fields that health evaluation and the UI read. All
 * timestamps are ISO 8601 strings; counts that Kubernetes omits when zero are
 * filled in as `0`. The cluster name is not part of a projection: the backend
 * knows which cluster an informer watches and keeps projections per cluster.
 */

/**
 * An ISO 8601 timestamp as the Kubernetes API serialises it, for example
 * `2025-11-24T14:02:11Z`.
 *
 * @public
 */
export type Timestamp = string;

/**
 * The kinds the fleet health model understands.
 *
 * @public
 */
export type ResourceKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'Pod'
  | 'Job'
  | 'CronJob'
  | 'HorizontalPodAutoscaler';

/**
 * A reference from an object to the object that owns it.
 *
 * @public
 */
export interface OwnerReferenceProjection {
  kind: string;
  name: string;
  uid: string;
  /** True when the owner is the managing controller. */
  controller: boolean;
}

/**
 * A status condition (`Available`, `Progressing`, `Ready`, `PodScheduled`,
 * `Complete`, `Failed`, `AbleToScale`, ...).
 *
 * @public
 */
export interface ConditionProjection {
  type: string;
  /** `True`, `False` or `Unknown`. */
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: Timestamp;
}

/**
 * Identity shared by every projection.
 *
 * @public
 */
export interface ObjectIdentity {
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  ownerReferences: OwnerReferenceProjection[];
  /** `metadata.generation`; absent for kinds that do not use it (Pods). */
  generation?: number;
  creationTimestamp?: Timestamp;
  /** Set once deletion has been requested. */
  deletionTimestamp?: Timestamp;
}

/**
 * A container of a pod template or pod: its name and image.
 *
 * @public
 */
export interface ContainerSpecProjection {
  name: string;
  image: string;
}

/**
 * Projection of an `apps/v1` Deployment.
 *
 * @public
 */
export interface DeploymentProjection extends ObjectIdentity {
  kind: 'Deployment';
  spec: {
    /** Desired replicas (Kubernetes defaults an unset value to 1). */
    replicas: number;
    paused: boolean;
    progressDeadlineSeconds?: number;
    /** `RollingUpdate` or `Recreate`. */
    strategyType?: string;
    containers: ContainerSpecProjection[];
  };
  status: {
    observedGeneration?: number;
    replicas: number;
    updatedReplicas: number;
    readyReplicas: number;
    availableReplicas: number;
    unavailableReplicas: number;
    conditions: ConditionProjection[];
  };
}

/**
 * Projection of an `apps/v1` StatefulSet.
 *
 * @public
 */
export interface StatefulSetProjection extends ObjectIdentity {
  kind: 'StatefulSet';
  spec: {
    replicas: number;
    /** `RollingUpdate` (default) or `OnDelete`. */
    updateStrategyType: string;
    /** `rollingUpdate.partition`: ordinals below it keep the old revision. */
    partition?: number;
    containers: ContainerSpecProjection[];
  };
  status: {
    observedGeneration?: number;
    replicas: number;
    readyReplicas: number;
    currentReplicas: number;
    updatedReplicas: number;
    availableReplicas: number;
    currentRevision?: string;
    updateRevision?: string;
    conditions: ConditionProjection[];
  };
}

/**
 * Projection of an `apps/v1` DaemonSet.
 *
 * @public
 */
export interface DaemonSetProjection extends ObjectIdentity {
  kind: 'DaemonSet';
  spec: {
    /** `RollingUpdate` (default) or `OnDelete`. */
    updateStrategyType: string;
    containers: ContainerSpecProjection[];
  };
  status: {
    observedGeneration?: number;
    desiredNumberScheduled: number;
    currentNumberScheduled: number;
    updatedNumberScheduled: number;
    numberReady: number;
    numberAvailable: number;
    numberUnavailable: number;
    numberMisscheduled: number;
    conditions: ConditionProjection[];
  };
}

/**
 * Projection of an `apps/v1` ReplicaSet.
 *
 * @public
 */
export interface ReplicaSetProjection extends ObjectIdentity {
  kind: 'ReplicaSet';
  /** The `pod-template-hash` label, linking the ReplicaSet to its pods. */
  podTemplateHash?: string;
  spec: {
    replicas: number;
    containers: ContainerSpecProjection[];
  };
  status: {
    observedGeneration?: number;
    replicas: number;
    readyReplicas: number;
    availableReplicas: number;
    conditions: ConditionProjection[];
  };
}

/**
 * State of a container that has terminated.
 *
 * @public
 */
export interface ContainerTerminatedProjection {
  /** `Completed`, `Error`, `OOMKilled`, `ContainerCannotRun`, ... */
  reason?: string;
  message?: string;
  exitCode: number;
  startedAt?: Timestamp;
  finishedAt?: Timestamp;
}

/**
 * Status of one container (or init container) of a pod.
 *
 * @public
 */
export interface ContainerStatusProjection {
  name: string;
  image?: string;
  ready: boolean;
  restartCount: number;
  state: {
    waiting?: { reason?: string; message?: string };
    running?: { startedAt?: Timestamp };
    terminated?: ContainerTerminatedProjection;
  };
  /** The previous termination, kept by the kubelet after a restart. */
  lastState: {
    terminated?: ContainerTerminatedProjection;
  };
}

/**
 * Projection of a core/v1 Pod.
 *
 * @public
 */
export interface PodProjection extends ObjectIdentity {
  kind: 'Pod';
  /** The `pod-template-hash` label (pods of Deployments). */
  podTemplateHash?: string;
  spec: {
    nodeName?: string;
    /** `Always` (default), `OnFailure` or `Never`. */
    restartPolicy: string;
    containers: ContainerSpecProjection[];
  };
  status: {
    /** `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`. */
    phase: string;
    /** For example `Evicted`, `NodeLost`, `DeadlineExceeded`. */
    reason?: string;
    message?: string;
    startTime?: Timestamp;
    /** `PodScheduled`, `Initialized`, `ContainersReady`, `Ready`, ... */
    conditions: ConditionProjection[];
    initContainerStatuses: ContainerStatusProjection[];
    containerStatuses: ContainerStatusProjection[];
  };
}

/**
 * Projection of a `batch/v1` Job.
 *
 * @public
 */
export interface JobProjection extends ObjectIdentity {
  kind: 'Job';
  spec: {
    suspend: boolean;
    completions?: number;
    parallelism?: number;
    /** Kubernetes defaults an unset value to 6. */
    backoffLimit: number;
    activeDeadlineSeconds?: number;
    containers: ContainerSpecProjection[];
  };
  status: {
    active: number;
    succeeded: number;
    failed: number;
    startTime?: Timestamp;
    completionTime?: Timestamp;
    conditions: ConditionProjection[];
  };
}

/**
 * Projection of a `batch/v1` CronJob.
 *
 * @public
 */
export interface CronJobProjection extends ObjectIdentity {
  kind: 'CronJob';
  spec: {
    schedule: string;
    timeZone?: string;
    suspend: boolean;
    concurrencyPolicy?: string;
    containers: ContainerSpecProjection[];
  };
  status: {
    lastScheduleTime?: Timestamp;
    lastSuccessfulTime?: Timestamp;
    /** Number of currently running Jobs. */
    active: number;
  };
}

/**
 * Projection of an `autoscaling/v2` (or v1) HorizontalPodAutoscaler.
 *
 * @public
 */
export interface HorizontalPodAutoscalerProjection extends ObjectIdentity {
  kind: 'HorizontalPodAutoscaler';
  spec: {
    scaleTargetRef: { kind: string; name: string };
    /** Kubernetes defaults an unset value to 1. */
    minReplicas: number;
    maxReplicas: number;
  };
  status: {
    currentReplicas: number;
    desiredReplicas: number;
    lastScaleTime?: Timestamp;
    /** `AbleToScale`, `ScalingActive`, `ScalingLimited` (v2 only). */
    conditions: ConditionProjection[];
  };
}

/**
 * Any projection the health model evaluates, discriminated by `kind`.
 *
 * @public
 */
export type ResourceProjection =
  | DeploymentProjection
  | StatefulSetProjection
  | DaemonSetProjection
  | ReplicaSetProjection
  | PodProjection
  | JobProjection
  | CronJobProjection
  | HorizontalPodAutoscalerProjection;

/**
 * Projection of a core/v1 Event.
 *
 * @public
 */
export interface EventProjection {
  namespace: string;
  name: string;
  uid: string;
  /** `Normal` or `Warning`. */
  type: string;
  reason: string;
  message: string;
  count: number;
  firstTimestamp?: Timestamp;
  /** When the event was last seen (falls back to the series or event time). */
  lastTimestamp?: Timestamp;
  involvedObject: {
    kind: string;
    name: string;
    namespace?: string;
    uid?: string;
  };
}
