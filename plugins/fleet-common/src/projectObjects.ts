import type {
  KubernetesCondition,
  KubernetesContainerState,
  KubernetesContainerStatus,
  KubernetesCronJob,
  KubernetesDaemonSet,
  KubernetesDeployment,
  KubernetesEvent,
  KubernetesHorizontalPodAutoscaler,
  KubernetesJob,
  KubernetesObjectMeta,
  KubernetesPod,
  KubernetesPodTemplate,
  KubernetesReplicaSet,
  KubernetesStatefulSet,
} from './kubernetesObjects';
import type {
  ConditionProjection,
  ContainerSpecProjection,
  ContainerStatusProjection,
  ContainerTerminatedProjection,
  CronJobProjection,
  DaemonSetProjection,
  DeploymentProjection,
  EventProjection,
  HorizontalPodAutoscalerProjection,
  JobProjection,
  ObjectIdentity,
  PodProjection,
  ReplicaSetProjection,
  StatefulSetProjection,
} from './projections';
import { toTimestamp } from './time';

const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

function identity(metadata: KubernetesObjectMeta | undefined): ObjectIdentity {
  const meta = metadata ?? {};
  const result: ObjectIdentity = {
    namespace: meta.namespace ?? '',
    name: meta.name ?? '',
    uid: meta.uid ?? '',
    labels: { ...(meta.labels ?? {}) },
    ownerReferences: (meta.ownerReferences ?? []).map(ref => ({
      kind: ref.kind,
      name: ref.name,
      uid: ref.uid,
      controller: ref.controller === true,
    })),
  };
  if (meta.generation !== undefined) {
    result.generation = meta.generation;
  }
  const created = toTimestamp(meta.creationTimestamp);
  if (created) {
    result.creationTimestamp = created;
  }
  const deleted = toTimestamp(meta.deletionTimestamp);
  if (deleted) {
    result.deletionTimestamp = deleted;
  }
  return result;
}

function conditions(
  list: KubernetesCondition[] | undefined,
): ConditionProjection[] {
  return (list ?? []).map(c => {
    const result: ConditionProjection = { type: c.type, status: c.status };
    if (c.reason) result.reason = c.reason;
    if (c.message) result.message = c.message;
    const at = toTimestamp(c.lastTransitionTime);
    if (at) result.lastTransitionTime = at;
    return result;
  });
}

function containers(
  template: KubernetesPodTemplate | undefined,
): ContainerSpecProjection[] {
  return (template?.spec?.containers ?? []).map(c => ({
    name: c.name,
    image: c.image ?? '',
  }));
}

function terminated(
  state: KubernetesContainerState['terminated'],
): ContainerTerminatedProjection | undefined {
  if (!state) {
    return undefined;
  }
  const result: ContainerTerminatedProjection = { exitCode: state.exitCode };
  if (state.reason) result.reason = state.reason;
  if (state.message) result.message = state.message;
  const started = toTimestamp(state.startedAt);
  if (started) result.startedAt = started;
  const finished = toTimestamp(state.finishedAt);
  if (finished) result.finishedAt = finished;
  return result;
}

function containerStatus(
  status: KubernetesContainerStatus,
): ContainerStatusProjection {
  const state: ContainerStatusProjection['state'] = {};
  const { waiting, running } = status.state ?? {};
  if (waiting) {
    state.waiting = {};
    if (waiting.reason) state.waiting.reason = waiting.reason;
    if (waiting.message) state.waiting.message = waiting.message;
  }
  if (running) {
    state.running = {};
    const started = toTimestamp(running.startedAt);
    if (started) state.running.startedAt = started;
  }
  const current = terminated(status.state?.terminated);
  if (current) state.terminated = current;
  const lastState: ContainerStatusProjection['lastState'] = {};
  const last = terminated(status.lastState?.terminated);
  if (last) lastState.terminated = last;
  const result: ContainerStatusProjection = {
    name: status.name,
    ready: status.ready,
    restartCount: status.restartCount ?? 0,
    state,
    lastState,
  };
  if (status.image) result.image = status.image;
  return result;
}

function withOptional<T extends object>(target: T, values: Partial<T>): T {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) {
      (target as Record<string, unknown>)[key] = value;
    }
  }
  return target;
}

/**
 * Projects a full `apps/v1` Deployment to the fields health and the UI need.
 *
 * @public
 */
export function projectDeployment(
  deployment: KubernetesDeployment,
): DeploymentProjection {
  const spec = deployment.spec ?? {};
  const status = deployment.status ?? {};
  return {
    kind: 'Deployment',
    ...identity(deployment.metadata),
    spec: withOptional<DeploymentProjection['spec']>(
      {
        replicas: spec.replicas ?? 1,
        paused: spec.paused === true,
        containers: containers(spec.template),
      },
      {
        progressDeadlineSeconds: spec.progressDeadlineSeconds,
        strategyType: spec.strategy?.type,
      },
    ),
    status: withOptional<DeploymentProjection['status']>(
      {
        replicas: status.replicas ?? 0,
        updatedReplicas: status.updatedReplicas ?? 0,
        readyReplicas: status.readyReplicas ?? 0,
        availableReplicas: status.availableReplicas ?? 0,
        unavailableReplicas: status.unavailableReplicas ?? 0,
        conditions: conditions(status.conditions),
      },
      { observedGeneration: status.observedGeneration },
    ),
  };
}

/**
 * Projects a full `apps/v1` StatefulSet.
 *
 * @public
 */
export function projectStatefulSet(
  statefulSet: KubernetesStatefulSet,
): StatefulSetProjection {
  const spec = statefulSet.spec ?? {};
  const status = statefulSet.status ?? {};
  return {
    kind: 'StatefulSet',
    ...identity(statefulSet.metadata),
    spec: withOptional<StatefulSetProjection['spec']>(
      {
        replicas: spec.replicas ?? 1,
        updateStrategyType: spec.updateStrategy?.type ?? 'RollingUpdate',
        containers: containers(spec.template),
      },
      { partition: spec.updateStrategy?.rollingUpdate?.partition },
    ),
    status: withOptional<StatefulSetProjection['status']>(
      {
        replicas: status.replicas ?? 0,
        readyReplicas: status.readyReplicas ?? 0,
        currentReplicas: status.currentReplicas ?? 0,
        updatedReplicas: status.updatedReplicas ?? 0,
        availableReplicas: status.availableReplicas ?? 0,
        conditions: conditions(status.conditions),
      },
      {
        observedGeneration: status.observedGeneration,
        currentRevision: status.currentRevision,
        updateRevision: status.updateRevision,
      },
    ),
  };
}

/**
 * Projects a full `apps/v1` DaemonSet.
 *
 * @public
 */
export function projectDaemonSet(
  daemonSet: KubernetesDaemonSet,
): DaemonSetProjection {
  const spec = daemonSet.spec ?? {};
  const status = daemonSet.status ?? {};
  return {
    kind: 'DaemonSet',
    ...identity(daemonSet.metadata),
    spec: {
      updateStrategyType: spec.updateStrategy?.type ?? 'RollingUpdate',
      containers: containers(spec.template),
    },
    status: withOptional<DaemonSetProjection['status']>(
      {
        desiredNumberScheduled: status.desiredNumberScheduled ?? 0,
        currentNumberScheduled: status.currentNumberScheduled ?? 0,
        updatedNumberScheduled: status.updatedNumberScheduled ?? 0,
        numberReady: status.numberReady ?? 0,
        numberAvailable: status.numberAvailable ?? 0,
        numberUnavailable: status.numberUnavailable ?? 0,
        numberMisscheduled: status.numberMisscheduled ?? 0,
        conditions: conditions(status.conditions),
      },
      { observedGeneration: status.observedGeneration },
    ),
  };
}

/**
 * Projects a full `apps/v1` ReplicaSet.
 *
 * @public
 */
export function projectReplicaSet(
  replicaSet: KubernetesReplicaSet,
): ReplicaSetProjection {
  const spec = replicaSet.spec ?? {};
  const status = replicaSet.status ?? {};
  return withOptional<ReplicaSetProjection>(
    {
      kind: 'ReplicaSet',
      ...identity(replicaSet.metadata),
      spec: {
        replicas: spec.replicas ?? 1,
        containers: containers(spec.template),
      },
      status: withOptional<ReplicaSetProjection['status']>(
        {
          replicas: status.replicas ?? 0,
          readyReplicas: status.readyReplicas ?? 0,
          availableReplicas: status.availableReplicas ?? 0,
          conditions: conditions(status.conditions),
        },
        { observedGeneration: status.observedGeneration },
      ),
    },
    {
      podTemplateHash: replicaSet.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL],
    },
  );
}

/**
 * Projects a full core/v1 Pod.
 *
 * @public
 */
export function projectPod(pod: KubernetesPod): PodProjection {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  return withOptional<PodProjection>(
    {
      kind: 'Pod',
      ...identity(pod.metadata),
      spec: withOptional<PodProjection['spec']>(
        {
          restartPolicy: spec.restartPolicy ?? 'Always',
          containers: containers({ spec }),
        },
        { nodeName: spec.nodeName },
      ),
      status: withOptional<PodProjection['status']>(
        {
          phase: status.phase ?? 'Pending',
          conditions: conditions(status.conditions),
          initContainerStatuses: (status.initContainerStatuses ?? []).map(
            containerStatus,
          ),
          containerStatuses: (status.containerStatuses ?? []).map(
            containerStatus,
          ),
        },
        {
          reason: status.reason || undefined,
          message: status.message || undefined,
          startTime: toTimestamp(status.startTime),
        },
      ),
    },
    { podTemplateHash: pod.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL] },
  );
}

/**
 * Projects a full `batch/v1` Job.
 *
 * @public
 */
export function projectJob(job: KubernetesJob): JobProjection {
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  return {
    kind: 'Job',
    ...identity(job.metadata),
    spec: withOptional<JobProjection['spec']>(
      {
        suspend: spec.suspend === true,
        backoffLimit: spec.backoffLimit ?? 6,
        containers: containers(spec.template),
      },
      {
        completions: spec.completions,
        parallelism: spec.parallelism,
        activeDeadlineSeconds: spec.activeDeadlineSeconds,
      },
    ),
    status: withOptional<JobProjection['status']>(
      {
        active: status.active ?? 0,
        succeeded: status.succeeded ?? 0,
        failed: status.failed ?? 0,
        conditions: conditions(status.conditions),
      },
      {
        startTime: toTimestamp(status.startTime),
        completionTime: toTimestamp(status.completionTime),
      },
    ),
  };
}

/**
 * Projects a full `batch/v1` CronJob.
 *
 * @public
 */
export function projectCronJob(cronJob: KubernetesCronJob): CronJobProjection {
  const spec = cronJob.spec ?? {};
  const status = cronJob.status ?? {};
  return {
    kind: 'CronJob',
    ...identity(cronJob.metadata),
    spec: withOptional<CronJobProjection['spec']>(
      {
        schedule: spec.schedule ?? '',
        suspend: spec.suspend === true,
        containers: containers(spec.jobTemplate?.spec?.template),
      },
      {
        timeZone: spec.timeZone,
        concurrencyPolicy: spec.concurrencyPolicy,
      },
    ),
    status: withOptional<CronJobProjection['status']>(
      { active: status.active?.length ?? 0 },
      {
        lastScheduleTime: toTimestamp(status.lastScheduleTime),
        lastSuccessfulTime: toTimestamp(status.lastSuccessfulTime),
      },
    ),
  };
}

/**
 * Projects a full `autoscaling/v2` (or v1) HorizontalPodAutoscaler.
 *
 * @public
 */
export function projectHorizontalPodAutoscaler(
  hpa: KubernetesHorizontalPodAutoscaler,
): HorizontalPodAutoscalerProjection {
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  return {
    kind: 'HorizontalPodAutoscaler',
    ...identity(hpa.metadata),
    spec: {
      scaleTargetRef: {
        kind: spec.scaleTargetRef?.kind ?? '',
        name: spec.scaleTargetRef?.name ?? '',
      },
      minReplicas: spec.minReplicas ?? 1,
      maxReplicas: spec.maxReplicas ?? 0,
    },
    status: withOptional<HorizontalPodAutoscalerProjection['status']>(
      {
        currentReplicas: status.currentReplicas ?? 0,
        desiredReplicas: status.desiredReplicas ?? 0,
        conditions: conditions(status.conditions),
      },
      { lastScaleTime: toTimestamp(status.lastScaleTime) },
    ),
  };
}

/**
 * Projects a full core/v1 Event. Events recorded through the newer
 * `events.k8s.io` API leave `count` and `lastTimestamp` empty and use
 * `series` and `eventTime` instead; both forms are handled.
 *
 * @public
 */
export function projectEvent(event: KubernetesEvent): EventProjection {
  const involved = event.involvedObject ?? {};
  return withOptional<EventProjection>(
    {
      namespace: event.metadata?.namespace ?? '',
      name: event.metadata?.name ?? '',
      uid: event.metadata?.uid ?? '',
      type: event.type ?? 'Normal',
      reason: event.reason ?? '',
      message: event.message ?? '',
      count: event.count ?? event.series?.count ?? 1,
      involvedObject: withOptional<EventProjection['involvedObject']>(
        { kind: involved.kind ?? '', name: involved.name ?? '' },
        { namespace: involved.namespace, uid: involved.uid },
      ),
    },
    {
      firstTimestamp: toTimestamp(event.firstTimestamp),
      lastTimestamp:
        toTimestamp(event.lastTimestamp) ??
        toTimestamp(event.series?.lastObservedTime) ??
        toTimestamp(event.eventTime) ??
        toTimestamp(event.metadata?.creationTimestamp),
    },
  );
}
