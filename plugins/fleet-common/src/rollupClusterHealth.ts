import { compareHealth, worstOf, type HealthStatus } from './HealthStatus';
import {
  DEFAULT_RESTART_WINDOW_MS,
  podReasons,
  type PodHealthOptions,
  type PodReason,
} from './podReasons';
import { podHealth } from './podHealth';
import type {
  HorizontalPodAutoscalerProjection,
  JobProjection,
  PodProjection,
  ResourceKind,
  ResourceProjection,
  Timestamp,
} from './projections';
import { ageOf, formatClock, formatDuration, latestOf, timeOf } from './time';
import { workloadHealth } from './workloadHealth';

/**
 * Restart counts: `total` is the sum of all containers' `restartCount`;
 * `recent` counts containers whose last restart finished within the restart
 * window. Kubernetes keeps only the last termination, so `recent` is a lower
 * bound on the number of restarts in the window.
 *
 * @public
 */
export interface RestartCounts {
  total: number;
  recent: number;
}

/**
 * The state of the backend's connection to a cluster.
 *
 * @public
 */
export type ClusterSyncState = 'synced' | 'syncing' | 'stale' | 'unreachable';

/**
 * What the backend knows about its connection to a cluster, passed to
 * {@link rollupClusterHealth}.
 *
 * @public
 */
export interface ClusterConnection {
  state: ClusterSyncState;
  /** When the current state began. */
  since?: Timestamp;
  /** When data was last known to be complete and current. */
  lastSyncedAt?: Timestamp;
  lastError?: string;
}

/**
 * A pod of a service, with its health and reasons.
 *
 * @public
 */
export interface ServicePodHealth {
  namespace: string;
  name: string;
  uid: string;
  /** The top-level workload the pod belongs to (e.g. its Deployment). */
  workload?: { kind: ResourceKind; name: string };
  phase: string;
  status: HealthStatus;
  message: string;
  ready: boolean;
  readyContainers: number;
  totalContainers: number;
  restarts: RestartCounts;
  reasons: PodReason[];
  node?: string;
  createdAt?: Timestamp;
  images: string[];
}

/**
 * A top-level workload of a service (Deployment, StatefulSet, DaemonSet,
 * CronJob, unowned Job / ReplicaSet / Pod, or an HPA whose target is absent)
 * with health rolled up from its pods, ReplicaSets, Jobs and autoscaler.
 *
 * @public
 */
export interface ServiceWorkloadHealth {
  kind: ResourceKind;
  namespace: string;
  name: string;
  uid: string;
  status: HealthStatus;
  message: string;
  /** The workload's own health from its controller status alone. */
  controllerHealth: { status: HealthStatus; message: string };
  ready: number;
  desired: number;
  restarts: RestartCounts;
  lastChange?: Timestamp;
  images: string[];
  /** Names of the pods rolled into this workload. */
  pods: string[];
}

/**
 * The health of a service in one cluster (the per-cluster breakdown).
 *
 * @public
 */
export interface ClusterHealth {
  cluster: string;
  status: HealthStatus;
  message: string;
  ready: number;
  desired: number;
  restarts: RestartCounts;
  lastChange?: Timestamp;
  /** Number of top-level workloads the service has in the cluster. */
  workloadCount: number;
}

/**
 * {@link ClusterHealth} with the workloads and pods behind it.
 *
 * @public
 */
export interface ClusterHealthDetail extends ClusterHealth {
  workloads: ServiceWorkloadHealth[];
  pods: ServicePodHealth[];
}

/**
 * Options for {@link rollupClusterHealth}.
 *
 * @public
 */
export interface RollupClusterHealthOptions extends PodHealthOptions {
  cluster: string;
  /** The service's objects in this cluster (already matched by selector). */
  resources: ReadonlyArray<ResourceProjection>;
  /** Connection state; treated as `synced` when omitted. */
  connection?: ClusterConnection;
}

type Owned = ResourceProjection;

function controllerOf(resource: Owned) {
  return (
    resource.ownerReferences.find(r => r.controller) ??
    resource.ownerReferences[0]
  );
}

function isTerminalPod(pod: PodProjection) {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

function podRestarts(pod: PodProjection, now: Date, windowMs: number) {
  let total = 0;
  let recent = 0;
  for (const s of [
    ...pod.status.initContainerStatuses,
    ...pod.status.containerStatuses,
  ]) {
    total += s.restartCount;
    const age = ageOf(s.lastState.terminated?.finishedAt, now);
    if (
      s.restartCount > 0 &&
      age !== undefined &&
      age >= 0 &&
      age <= windowMs
    ) {
      recent += 1;
    }
  }
  return { total, recent };
}

function addRestarts(a: RestartCounts, b: RestartCounts): RestartCounts {
  return { total: a.total + b.total, recent: a.recent + b.recent };
}

function timestampsOf(resource: Owned): Array<Timestamp | undefined> {
  const times: Array<Timestamp | undefined> = [
    resource.creationTimestamp,
    resource.deletionTimestamp,
  ];
  if ('conditions' in resource.status) {
    times.push(...resource.status.conditions.map(c => c.lastTransitionTime));
  }
  switch (resource.kind) {
    case 'Pod':
      for (const s of [
        ...resource.status.initContainerStatuses,
        ...resource.status.containerStatuses,
      ]) {
        times.push(
          s.state.running?.startedAt,
          s.state.terminated?.finishedAt,
          s.lastState.terminated?.finishedAt,
        );
      }
      break;
    case 'Job':
      times.push(resource.status.startTime, resource.status.completionTime);
      break;
    case 'CronJob':
      times.push(
        resource.status.lastScheduleTime,
        resource.status.lastSuccessfulTime,
      );
      break;
    case 'HorizontalPodAutoscaler':
      times.push(resource.status.lastScaleTime);
      break;
    default:
      break;
  }
  return times;
}

function replicasOf(resource: Owned): { ready: number; desired: number } {
  switch (resource.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
      return {
        ready: resource.status.readyReplicas,
        desired: resource.spec.replicas,
      };
    case 'DaemonSet':
      return {
        ready: resource.status.numberReady,
        desired: resource.status.desiredNumberScheduled,
      };
    case 'Pod':
      if (isTerminalPod(resource)) {
        return { ready: 0, desired: 0 };
      }
      return {
        ready:
          resource.status.conditions.find(c => c.type === 'Ready')?.status ===
          'True'
            ? 1
            : 0,
        desired: 1,
      };
    default:
      return { ready: 0, desired: 0 };
  }
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function connectionHealth(
  cluster: string,
  connection: ClusterConnection | undefined,
  now: Date,
): { status: HealthStatus; message: string } | undefined {
  if (!connection || connection.state === 'synced') {
    return undefined;
  }
  if (connection.state === 'syncing' && connection.lastSyncedAt) {
    return undefined;
  }
  const since = connection.since
    ? ` since ${formatClock(connection.since, now)}`
    : '';
  const age = ageOf(connection.lastSyncedAt, now);
  const lastGood =
    age === undefined
      ? 'no data received yet'
      : `last good data ${formatDuration(age)} old`;
  const error = connection.lastError ? ` (${connection.lastError})` : '';
  const states: Record<ClusterSyncState, string> = {
    synced: 'synced',
    syncing: 'still syncing',
    stale: 'data stale',
    unreachable: 'unreachable',
  };
  const state = states[connection.state];
  return {
    status: 'Unknown',
    message: `Cluster ${cluster} ${state}${since}; ${lastGood}${error}`,
  };
}

/**
 * Rolls the health of a service's objects in one cluster up to its
 * top-level workloads and to the cluster:
 *
 * - Pods, ReplicaSets and Jobs are attributed to their top-level controller
 *   through controller owner references (Pod → ReplicaSet → Deployment,
 *   Pod → Job → CronJob), so nothing is counted twice.
 * - A workload's status is the worst of its own controller health, the
 *   Degraded / Unknown reasons of its live (non-terminal) pods, its
 *   ReplicaSets' failures and its autoscaler; when a pod reason is the worst,
 *   its message is the workload's message ("2 of 3 pods CrashLoopBackOff,
 *   e.g. api-7d9c6b5f4-k2f8p: Back-off restarting failed container api ...").
 * - A CronJob is judged by its most recent Job; older Jobs and their pods
 *   (history) are ignored.
 * - The cluster's status is the worst workload's; a stale or unreachable
 *   connection makes it Unknown (workloads still show the last good data).
 *   No workloads at all yields Missing.
 *
 * @public
 */
export function rollupClusterHealth(
  options: RollupClusterHealthOptions,
): ClusterHealthDetail {
  const { cluster, resources, connection, now } = options;
  const restartWindowMs = options.restartWindowMs ?? DEFAULT_RESTART_WINDOW_MS;
  const byUid = new Map<string, Owned>();
  const byKindName = new Map<string, Owned>();
  for (const r of resources) {
    if (r.uid) byUid.set(r.uid, r);
    byKindName.set(`${r.kind}/${r.namespace}/${r.name}`, r);
  }
  const ownerOf = (r: Owned): Owned | undefined => {
    const ref = controllerOf(r);
    if (!ref) return undefined;
    return (
      (ref.uid ? byUid.get(ref.uid) : undefined) ??
      byKindName.get(`${ref.kind}/${r.namespace}/${ref.name}`)
    );
  };
  const topOf = (r: Owned): Owned => {
    let current = r;
    for (let depth = 0; depth < 5; depth++) {
      const owner = ownerOf(current);
      if (!owner) break;
      current = owner;
    }
    return current;
  };

  const hpaTargetOf = (hpa: HorizontalPodAutoscalerProjection) =>
    byKindName.get(
      `${hpa.spec.scaleTargetRef.kind}/${hpa.namespace}/${hpa.spec.scaleTargetRef.name}`,
    );

  const children = new Map<Owned, Owned[]>();
  const tops: Owned[] = [];
  for (const r of resources) {
    if (r.kind === 'HorizontalPodAutoscaler') {
      const target = hpaTargetOf(r);
      if (target) {
        const top = topOf(target);
        children.set(top, [...(children.get(top) ?? []), r]);
      } else {
        tops.push(r);
      }
      continue;
    }
    const top = topOf(r);
    if (top === r) {
      tops.push(r);
    } else {
      children.set(top, [...(children.get(top) ?? []), r]);
    }
  }

  const pods: ServicePodHealth[] = [];
  const workloads: ServiceWorkloadHealth[] = tops.map(top => {
    const owned = children.get(top) ?? [];
    let latestJob: JobProjection | undefined;
    if (top.kind === 'CronJob') {
      latestJob = owned
        .filter((r): r is JobProjection => r.kind === 'Job')
        .sort(
          (a, b) =>
            (timeOf(b.creationTimestamp) ?? 0) -
            (timeOf(a.creationTimestamp) ?? 0),
        )[0];
    }
    const controllerHealth = workloadHealth(top, { ...options, latestJob });
    const inScope = (r: Owned) => {
      if (top.kind !== 'CronJob') return true;
      if (r.kind === 'Job') return r === latestJob;
      if (r.kind === 'Pod') return ownerOf(r) === latestJob;
      return true;
    };
    const scoped = owned.filter(inScope);
    const ownedPods = scoped.filter(
      (r): r is PodProjection => r.kind === 'Pod',
    );
    if (top.kind === 'Pod') ownedPods.unshift(top);

    const candidates: Array<{ status: HealthStatus; message: string }> = [
      controllerHealth,
    ];
    // Pod reasons surface on the owning workload.
    if (top.kind !== 'Pod') {
      const live = ownedPods.filter(p => !isTerminalPod(p));
      const failing = live
        .map(pod => ({ pod, reasons: podReasons(pod, options) }))
        .map(({ pod, reasons }) => ({
          pod,
          reason: reasons.find(
            r => r.status === 'Degraded' || r.status === 'Unknown',
          ),
        }))
        .filter(
          (x): x is { pod: PodProjection; reason: PodReason } =>
            x.reason !== undefined,
        )
        .sort((a, b) => compareHealth(b.reason.status, a.reason.status));
      if (failing.length > 0) {
        const first = failing[0];
        const same = failing.filter(f => f.reason.code === first.reason.code);
        candidates.push({
          status: first.reason.status,
          message:
            same.length > 1 || live.length > 1
              ? `${same.length} of ${plural(live.length, 'pod')} ${
                  first.reason.code
                }, e.g. ${first.pod.name}: ${first.reason.message}`
              : `Pod ${first.pod.name}: ${first.reason.message}`,
        });
      }
    }
    for (const r of scoped) {
      if (r.kind === 'ReplicaSet' || r.kind === 'HorizontalPodAutoscaler') {
        const h = workloadHealth(r, options);
        if (
          h.status === 'Degraded' ||
          h.status === 'Unknown' ||
          (r.kind === 'HorizontalPodAutoscaler' && h.status === 'Progressing')
        ) {
          candidates.push({
            status: h.status,
            message: `${
              r.kind === 'ReplicaSet' ? 'ReplicaSet' : 'Autoscaler'
            } ${r.name}: ${h.message}`,
          });
        }
      }
    }
    const status = worstOf(candidates.map(c => c.status));
    // Prefer the most specific explanation: a derived (pod, ReplicaSet,
    // autoscaler) message over the controller's own when both are as bad.
    const chosen =
      [...candidates.slice(1)].find(c => c.status === status) ??
      controllerHealth;

    let restarts: RestartCounts = { total: 0, recent: 0 };
    for (const pod of ownedPods) {
      const podRestartCounts = podRestarts(pod, now, restartWindowMs);
      restarts = addRestarts(restarts, podRestartCounts);
      const health = podHealth(pod, options);
      const ready = pod.status.containerStatuses.filter(s => s.ready).length;
      const entry: ServicePodHealth = {
        namespace: pod.namespace,
        name: pod.name,
        uid: pod.uid,
        workload: { kind: top.kind, name: top.name },
        phase: pod.status.phase,
        status: health.status,
        message: health.message,
        ready:
          pod.status.conditions.find(c => c.type === 'Ready')?.status ===
          'True',
        readyContainers: ready,
        totalContainers: pod.status.containerStatuses.length,
        restarts: podRestartCounts,
        reasons: podReasons(pod, options),
        images: pod.spec.containers.map(c => c.image),
      };
      if (pod.spec.nodeName) entry.node = pod.spec.nodeName;
      if (pod.creationTimestamp) entry.createdAt = pod.creationTimestamp;
      pods.push(entry);
    }

    const lastChange = latestOf([top, ...scoped].flatMap(r => timestampsOf(r)));
    const images =
      'containers' in top.spec ? top.spec.containers.map(c => c.image) : [];
    const result: ServiceWorkloadHealth = {
      kind: top.kind,
      namespace: top.namespace,
      name: top.name,
      uid: top.uid,
      status,
      message: chosen.message,
      controllerHealth,
      ...replicasOf(top),
      restarts,
      images,
      pods: ownedPods.map(p => p.name),
    };
    if (lastChange) result.lastChange = lastChange;
    return result;
  });

  workloads.sort(
    (a, b) =>
      compareHealth(b.status, a.status) ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name),
  );

  const ready = workloads.reduce((n, w) => n + w.ready, 0);
  const desired = workloads.reduce((n, w) => n + w.desired, 0);
  const restarts = workloads.reduce<RestartCounts>(
    (sum, w) => addRestarts(sum, w.restarts),
    { total: 0, recent: 0 },
  );
  const lastChange = latestOf(workloads.map(w => w.lastChange));

  let status: HealthStatus;
  let message: string;
  const unreachable = connectionHealth(cluster, connection, now);
  if (unreachable) {
    ({ status, message } = unreachable);
  } else if (workloads.length === 0) {
    status = 'Missing';
    message = `No workloads found in cluster ${cluster}`;
  } else {
    status = worstOf(workloads.map(w => w.status));
    const worst = workloads[0];
    if (status === 'Healthy') {
      message = `${plural(workloads.length, 'workload')} healthy${
        desired > 0 ? `, ${ready} of ${desired} replicas ready` : ''
      }`;
    } else {
      const others = workloads.filter(w => w.status !== 'Healthy').length - 1;
      message = `${worst.kind} ${worst.name}: ${worst.message}${
        others > 0 ? ` (and ${plural(others, 'more workload')})` : ''
      }`;
    }
  }

  const result: ClusterHealthDetail = {
    cluster,
    status,
    message,
    ready,
    desired,
    restarts,
    workloadCount: workloads.length,
    workloads,
    pods,
  };
  if (lastChange) result.lastChange = lastChange;
  return result;
}
