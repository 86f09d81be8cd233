import { compareHealth, type HealthStatus } from './HealthStatus';
import type {
  ContainerStatusProjection,
  ContainerTerminatedProjection,
  PodProjection,
  Timestamp,
} from './projections';
import { ageOf, formatClock, formatDuration, latestOf } from './time';

/**
 * Why a pod is not healthy (or not yet healthy).
 *
 * @public
 */
export type PodReasonCode =
  | 'Terminating'
  | 'Unschedulable'
  | 'Pending'
  | 'CrashLoopBackOff'
  | 'ImagePullBackOff'
  | 'ErrImagePull'
  | 'InvalidImageName'
  | 'CreateContainerConfigError'
  | 'CreateContainerError'
  | 'RunContainerError'
  | 'ContainerWaitingError'
  | 'ContainerFailed'
  | 'OOMKilled'
  | 'RecentRestarts'
  | 'ReadinessFailing'
  | 'Evicted'
  | 'PodFailed'
  | 'PodStatusUnknown';

/**
 * One structured reason for a pod's health, shared by the health functions
 * and the UI.
 *
 * @public
 */
export interface PodReason {
  code: PodReasonCode;
  /** The health this reason implies on its own. */
  status: HealthStatus;
  message: string;
  /** The container concerned, when the reason is about one container. */
  container?: string;
  /** When the condition began (or was last observed), when known. */
  since?: Timestamp;
}

/**
 * Options for {@link podReasons} and {@link podHealth}.
 *
 * @public
 */
export interface PodHealthOptions {
  /** The evaluation time; health logic never reads the clock itself. */
  now: Date;
  /**
   * Restarts count as recent only when the previous termination finished
   * within this window. Default 10 minutes.
   */
  restartWindowMs?: number;
  /**
   * How long a running container may stay not ready before the pod is
   * Degraded rather than Progressing. Default 5 minutes.
   */
  readinessGraceMs?: number;
  /**
   * How long a pod may stay Pending (scheduled, creating containers) before
   * it is Degraded. Default 10 minutes.
   */
  pendingGraceMs?: number;
  /**
   * How long past its deletion deadline a pod may still exist before it is
   * reported as stuck terminating. Default 5 minutes.
   */
  terminatingGraceMs?: number;
}

/** Default for {@link PodHealthOptions.restartWindowMs}. @public */
export const DEFAULT_RESTART_WINDOW_MS = 10 * 60 * 1000;
/** Default for {@link PodHealthOptions.readinessGraceMs}. @public */
export const DEFAULT_READINESS_GRACE_MS = 5 * 60 * 1000;
/** Default for {@link PodHealthOptions.pendingGraceMs}. @public */
export const DEFAULT_PENDING_GRACE_MS = 10 * 60 * 1000;
/** Default for {@link PodHealthOptions.terminatingGraceMs}. @public */
export const DEFAULT_TERMINATING_GRACE_MS = 5 * 60 * 1000;

const NAMED_WAITING_REASONS: ReadonlySet<string> = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

function isFailingWaitingReason(reason: string): boolean {
  return (
    NAMED_WAITING_REASONS.has(reason) ||
    reason.startsWith('Err') ||
    reason.endsWith('Error') ||
    reason.endsWith('BackOff')
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function exitDescription(terminated: {
  reason?: string;
  exitCode: number;
}): string {
  return terminated.reason
    ? `${terminated.reason} (exit ${terminated.exitCode})`
    : `exit ${terminated.exitCode}`;
}

function podCondition(pod: PodProjection, type: string) {
  return pod.status.conditions.find(c => c.type === type);
}

interface ContainerContext {
  pod: PodProjection;
  status: ContainerStatusProjection;
  label: string;
  image: string;
  now: Date;
  restartWindowMs: number;
  readinessGraceMs: number;
}

function waitingReason(ctx: ContainerContext): PodReason | undefined {
  const { status, label, image } = ctx;
  const waiting = status.state.waiting;
  const reason = waiting?.reason;
  if (!waiting || !reason || !isFailingWaitingReason(reason)) {
    return undefined;
  }
  const detail = waiting.message ? `: ${waiting.message.trim()}` : '';
  const base = { status: 'Degraded' as const, container: status.name };
  switch (reason) {
    case 'CrashLoopBackOff': {
      const last = status.lastState.terminated;
      const parts = [plural(status.restartCount, 'restart')];
      if (last) {
        const ago = ageOf(last.finishedAt, ctx.now);
        parts.push(
          `last exit ${exitDescription(last)}${
            ago === undefined ? '' : ` ${formatDuration(ago)} ago`
          }${last.message ? `: ${last.message.trim()}` : ''}`,
        );
      }
      return {
        ...base,
        code: 'CrashLoopBackOff',
        message: `Back-off restarting failed ${label} (CrashLoopBackOff), ${parts.join(
          ', ',
        )}`,
        since: last?.finishedAt,
      };
    }
    case 'ImagePullBackOff':
    case 'ErrImagePull':
      return {
        ...base,
        code: reason,
        message: `Cannot pull image ${
          image && !detail.includes(image) ? `${image} ` : ''
        }for ${label} (${reason})${detail}`,
      };
    case 'InvalidImageName':
      return {
        ...base,
        code: reason,
        message: `Invalid image name for ${label} (InvalidImageName)${detail}`,
      };
    case 'CreateContainerConfigError':
    case 'CreateContainerError':
    case 'RunContainerError':
      return {
        ...base,
        code: reason,
        message: `Cannot start ${label} (${reason})${detail}`,
      };
    default:
      return {
        ...base,
        code: 'ContainerWaitingError',
        message: `${capitalize(label)} is waiting (${reason})${detail}`,
      };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isRecent(
  finishedAt: Timestamp | undefined,
  ctx: ContainerContext,
): boolean {
  const age = ageOf(finishedAt, ctx.now);
  return age !== undefined && age >= 0 && age <= ctx.restartWindowMs;
}

function terminationReasons(
  ctx: ContainerContext,
  alreadyReported: boolean,
): PodReason[] {
  const { status, label, pod } = ctx;
  const reasons: PodReason[] = [];
  const current = status.state.terminated;
  const last = status.lastState.terminated;

  let oom: ContainerTerminatedProjection | undefined;
  if (current?.reason === 'OOMKilled') {
    oom = current;
  } else if (last?.reason === 'OOMKilled' && isRecent(last.finishedAt, ctx)) {
    oom = last;
  }
  if (oom) {
    const ago = ageOf(oom.finishedAt, ctx.now);
    reasons.push({
      code: 'OOMKilled',
      status: 'Degraded',
      container: status.name,
      message: `${capitalize(label)} was OOMKilled (exit ${oom.exitCode})${
        ago === undefined ? '' : ` ${formatDuration(ago)} ago`
      }${
        status.restartCount > 0
          ? `, ${plural(status.restartCount, 'restart')}`
          : ''
      }`,
      since: oom.finishedAt,
    });
  }

  if (
    !oom &&
    current &&
    current.exitCode !== 0 &&
    pod.spec.restartPolicy !== 'Never' &&
    pod.status.phase !== 'Failed'
  ) {
    reasons.push({
      code: 'ContainerFailed',
      status: 'Degraded',
      container: status.name,
      message: `${capitalize(label)} exited with ${exitDescription(current)}${
        current.message ? `: ${current.message}` : ''
      }`,
      since: current.finishedAt,
    });
  }

  if (
    !oom &&
    !alreadyReported &&
    status.restartCount > 0 &&
    last &&
    isRecent(last.finishedAt, ctx)
  ) {
    const ago = ageOf(last.finishedAt, ctx.now) ?? 0;
    reasons.push({
      code: 'RecentRestarts',
      status: 'Degraded',
      container: status.name,
      message: `${capitalize(label)} restarted ${formatDuration(
        ago,
      )} ago after ${exitDescription(last)}; ${plural(
        status.restartCount,
        'restart',
      )} in total`,
      since: last.finishedAt,
    });
  }
  return reasons;
}

function readinessReason(ctx: ContainerContext): PodReason | undefined {
  const { status, pod, label, now } = ctx;
  if (status.ready || !status.state.running || pod.status.phase !== 'Running') {
    return undefined;
  }
  const ready = podCondition(pod, 'Ready');
  const notReadySince = latestOf([
    status.state.running.startedAt,
    ready?.status === 'False' ? ready.lastTransitionTime : undefined,
  ]);
  const age = ageOf(notReadySince, now);
  if (age !== undefined && age < ctx.readinessGraceMs) {
    return {
      code: 'ReadinessFailing',
      status: 'Progressing',
      container: status.name,
      message: `${capitalize(label)} not ready for ${formatDuration(
        age,
      )} (grace period ${formatDuration(ctx.readinessGraceMs)})`,
      since: notReadySince,
    };
  }
  return {
    code: 'ReadinessFailing',
    status: 'Degraded',
    container: status.name,
    message: `Readiness probe failing: ${label} not ready${
      age === undefined ? '' : ` for ${formatDuration(age)}`
    }`,
    since: notReadySince,
  };
}

function failedPodReasons(pod: PodProjection): PodReason[] {
  const { reason, message } = pod.status;
  const containerReasons: PodReason[] = [];
  for (const status of pod.status.containerStatuses) {
    const t = status.state.terminated;
    if (t?.reason === 'OOMKilled') {
      containerReasons.push({
        code: 'OOMKilled',
        status: 'Degraded',
        container: status.name,
        message: `Container ${status.name} was OOMKilled (exit ${t.exitCode})`,
        since: t.finishedAt,
      });
    }
  }
  if (reason === 'Evicted') {
    return [
      {
        code: 'Evicted',
        status: 'Degraded',
        message: `Evicted${message ? `: ${message.trim()}` : ''}`,
      },
      ...containerReasons,
    ];
  }
  const failedContainer = pod.status.containerStatuses.find(
    s => s.state.terminated && s.state.terminated.exitCode !== 0,
  );
  let text: string;
  if (reason || message) {
    text = `Pod failed${reason ? ` (${reason})` : ''}${
      message ? `: ${message.trim()}` : ''
    }`;
  } else if (failedContainer?.state.terminated) {
    text = `Pod failed: container ${
      failedContainer.name
    } exited with ${exitDescription(failedContainer.state.terminated)}`;
  } else {
    text = 'Pod failed';
  }
  const since = latestOf(
    pod.status.containerStatuses.map(s => s.state.terminated?.finishedAt),
  );
  return [
    {
      code: 'PodFailed',
      status: 'Degraded',
      message: text,
      ...(since ? { since } : {}),
    },
    ...containerReasons,
  ];
}

function pendingReason(
  pod: PodProjection,
  now: Date,
  pendingGraceMs: number,
): PodReason {
  const waiting = [
    ...pod.status.initContainerStatuses.map(s => ({ s, init: true })),
    ...pod.status.containerStatuses.map(s => ({ s, init: false })),
  ].find(({ s }) => s.state.waiting?.reason);
  let what: string;
  if (waiting) {
    what = `${waiting.init ? 'init container' : 'container'} ${
      waiting.s.name
    } ${waiting.s.state.waiting?.reason}`;
  } else if (pod.spec.nodeName) {
    what = `waiting for containers on node ${pod.spec.nodeName}`;
  } else {
    what = 'waiting to be scheduled';
  }
  const since = pod.creationTimestamp;
  const age = ageOf(since, now);
  if (age !== undefined && age >= pendingGraceMs) {
    return {
      code: 'Pending',
      status: 'Degraded',
      message: `Stuck pending for ${formatDuration(age)}: ${what}`,
      ...(since ? { since } : {}),
    };
  }
  return {
    code: 'Pending',
    status: 'Progressing',
    message: `Pending: ${what}`,
    ...(since ? { since } : {}),
  };
}

/**
 * Structured reasons why a pod is not healthy, most important first. An empty
 * list means the pod is healthy (running and ready, or completed).
 *
 * Restarts and OOM kills count only when the previous termination finished
 * within `restartWindowMs` of `now`: a pod that restarted days ago and has been
 * running since is healthy.
 *
 * @public
 */
export function podReasons(
  pod: PodProjection,
  options: PodHealthOptions,
): PodReason[] {
  const {
    now,
    restartWindowMs = DEFAULT_RESTART_WINDOW_MS,
    readinessGraceMs = DEFAULT_READINESS_GRACE_MS,
    pendingGraceMs = DEFAULT_PENDING_GRACE_MS,
    terminatingGraceMs = DEFAULT_TERMINATING_GRACE_MS,
  } = options;
  const { phase } = pod.status;

  if (phase === 'Succeeded') {
    return [];
  }
  if (phase === 'Failed') {
    return failedPodReasons(pod);
  }

  if (pod.deletionTimestamp) {
    const overdue = ageOf(pod.deletionTimestamp, now);
    if (overdue !== undefined && overdue > terminatingGraceMs) {
      return [
        {
          code: 'Terminating',
          status: 'Degraded',
          message: `Stuck terminating: deletion was due at ${formatClock(
            pod.deletionTimestamp,
            now,
          )} (${formatDuration(overdue)} ago)${
            pod.spec.nodeName ? ` on node ${pod.spec.nodeName}` : ''
          }`,
          since: pod.deletionTimestamp,
        },
      ];
    }
    return [
      {
        code: 'Terminating',
        status: 'Progressing',
        message: 'Pod is terminating',
        since: pod.deletionTimestamp,
      },
    ];
  }

  if (phase === 'Unknown') {
    return [
      {
        code: 'PodStatusUnknown',
        status: 'Unknown',
        message: `Pod status unknown${
          pod.spec.nodeName
            ? `: node ${pod.spec.nodeName} is not reporting`
            : ''
        }${pod.status.message ? ` (${pod.status.message})` : ''}`,
      },
    ];
  }

  const scheduled = podCondition(pod, 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    return [
      {
        code: 'Unschedulable',
        status: 'Degraded',
        message: `Unschedulable${
          scheduled.message ? `: ${scheduled.message}` : ''
        }`,
        ...(scheduled.lastTransitionTime
          ? { since: scheduled.lastTransitionTime }
          : {}),
      },
    ];
  }

  const images = new Map(pod.spec.containers.map(c => [c.name, c.image]));
  const reasons: PodReason[] = [];
  const groups: Array<{
    statuses: ContainerStatusProjection[];
    init: boolean;
  }> = [
    { statuses: pod.status.initContainerStatuses, init: true },
    { statuses: pod.status.containerStatuses, init: false },
  ];
  for (const { statuses, init } of groups) {
    for (const status of statuses) {
      const ctx: ContainerContext = {
        pod,
        status,
        label: `${init ? 'init container' : 'container'} ${status.name}`,
        image: status.image || images.get(status.name) || '',
        now,
        restartWindowMs,
        readinessGraceMs,
      };
      const waiting = waitingReason(ctx);
      if (waiting) {
        reasons.push(waiting);
      }
      reasons.push(...terminationReasons(ctx, waiting !== undefined));
      if (!init) {
        const readiness = readinessReason(ctx);
        if (readiness) {
          reasons.push(readiness);
        }
      }
    }
  }

  if (phase === 'Pending' && !reasons.some(r => r.status === 'Degraded')) {
    reasons.push(pendingReason(pod, now, pendingGraceMs));
  }

  return reasons
    .map((reason, index) => ({ reason, index }))
    .sort(
      (a, b) =>
        compareHealth(b.reason.status, a.reason.status) || a.index - b.index,
    )
    .map(({ reason }) => reason);
}
