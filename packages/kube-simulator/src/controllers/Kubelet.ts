import { createHash } from 'node:crypto';
import { TimerHandle, formatTimestamp } from '../Clock';
import { Scenario, scenarioAnnotation } from '../scenarios';
import { KubeObject } from '../types';
import { StoredEvent } from '../WatchHub';
import { Condition, setCondition } from './conditions';
import { Controller, keyOf, splitKey } from './Controller';
import { ControllerContext, SimulatedNode } from './ControllerContext';

interface ContainerSpec {
  name: string;
  image: string;
  readinessProbe?: unknown;
}

interface ContainerState {
  running?: { startedAt: string };
  waiting?: { reason: string; message?: string };
  terminated?: {
    exitCode: number;
    reason: string;
    startedAt?: string;
    finishedAt?: string;
    containerID?: string;
    message?: string;
  };
}

interface ContainerStatus {
  name: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  started: boolean;
}

interface PodStatus {
  phase?: string;
  conditions?: Condition[];
  hostIP?: string;
  hostIPs?: Array<{ ip: string }>;
  podIP?: string;
  podIPs?: Array<{ ip: string }>;
  startTime?: string;
  qosClass?: string;
  containerStatuses?: ContainerStatus[];
  message?: string;
  reason?: string;
}

interface PodSpec {
  nodeName?: string;
  restartPolicy?: string;
  containers: ContainerSpec[];
}

/** Per-pod timing the kubelet keeps only while a pod still has work pending. */
interface PodRuntime {
  uid: string;
  scheduledAt?: number;
  startedAt?: number;
  lastTickAt?: number;
  timer?: TimerHandle;
}

const workloadKinds = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
]);

function hex(text: string, length = 64): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function backoffSeconds(restarts: number): number {
  return Math.min(300, 10 * 2 ** Math.max(0, restarts - 1));
}

/**
 * The scheduler and the kubelets of the simulated nodes in one: binds
 * pods to nodes, starts containers after a delay, and plays failure
 * scenarios with the statuses and events a real kubelet reports.
 */
export class Kubelet implements Controller {
  readonly name = 'kubelet';
  private readonly runtimes = new Map<string, PodRuntime>();
  private readonly podsPerNode = new Map<string, number>();
  private nextNode = 0;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly enqueue: (key: string) => void,
  ) {}

  keysFor(event: StoredEvent): string[] {
    if (event.storageKey === '/nodes' && event.type === 'MODIFIED') {
      const cordoned = (n: KubeObject | undefined) =>
        Boolean(
          (n?.spec as { unschedulable?: boolean } | undefined)?.unschedulable,
        );
      if (cordoned(event.previous) === cordoned(event.object)) return [];
      // A node came back (or went): pending pods get another scheduling attempt.
      return this.ctx.store
        .list('/pods')
        .filter(p => !(p.spec as PodSpec).nodeName)
        .map(keyOf);
    }
    if (event.storageKey === '/pods') {
      const key = keyOf(event.object);
      if (event.type === 'DELETED') {
        this.forget(key);
        return [];
      }
      if (event.type === 'ADDED') return [key];
      const before = event.previous!;
      const changed =
        before.metadata.annotations?.[scenarioAnnotation] !==
          event.object.metadata.annotations?.[scenarioAnnotation] ||
        (before.spec as PodSpec).nodeName !==
          (event.object.spec as PodSpec).nodeName ||
        before.metadata.uid !== event.object.metadata.uid;
      return changed ? [key] : [];
    }
    if (event.type === 'MODIFIED' && workloadKinds.has(event.object.kind)) {
      const before = event.previous?.metadata.annotations?.[scenarioAnnotation];
      const after = event.object.metadata.annotations?.[scenarioAnnotation];
      if (before !== after) return this.podsUnder(event.object).map(keyOf);
    }
    return [];
  }

  private podsUnder(owner: KubeObject): KubeObject[] {
    const pods: KubeObject[] = [];
    for (const { object } of this.ctx.store.dependents(
      owner.metadata.uid ?? '',
    )) {
      if (object.kind === 'Pod') pods.push(object);
      else pods.push(...this.podsUnder(object));
    }
    return pods;
  }

  stop(): void {
    for (const r of this.runtimes.values()) this.ctx.cancel(r.timer);
    this.runtimes.clear();
  }

  private forget(key: string): void {
    const runtime = this.runtimes.get(key);
    if (runtime) {
      this.ctx.cancel(runtime.timer);
      this.runtimes.delete(key);
    }
  }

  private runtimeFor(key: string, pod: KubeObject): PodRuntime {
    let runtime = this.runtimes.get(key);
    if (!runtime || runtime.uid !== pod.metadata.uid) {
      this.forget(key);
      runtime = { uid: pod.metadata.uid ?? '' };
      this.runtimes.set(key, runtime);
    }
    return runtime;
  }

  private wakeAfter(key: string, runtime: PodRuntime, ms: number): void {
    this.ctx.cancel(runtime.timer);
    runtime.timer = this.ctx.after(Math.max(0, ms), () => {
      runtime.timer = undefined;
      this.enqueue(key);
    });
  }

  /** Round-robin over nodes not cordoned (`spec.unschedulable`); undefined if none. */
  private pickNode(pod: KubeObject): SimulatedNode | undefined {
    const wanted = (pod.spec as PodSpec).nodeName;
    const nodes = this.ctx.nodes;
    if (wanted) return nodes.find(n => n.name === wanted) ?? nodes[0];
    const schedulable = nodes.filter(
      n =>
        !(
          this.ctx.store.get('/nodes', '', n.name)?.spec as
            | { unschedulable?: boolean }
            | undefined
        )?.unschedulable,
    );
    if (schedulable.length === 0) return undefined;
    return schedulable[this.nextNode++ % schedulable.length];
  }

  private podIP(node: SimulatedNode): string {
    const n = (this.podsPerNode.get(node.name) ?? 0) + 1;
    this.podsPerNode.set(node.name, n);
    return `10.244.${node.index * 16 + ((n >> 8) % 16)}.${(n % 254) + 1}`;
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.store.get('/pods', namespace, name);
    if (!pod) {
      this.forget(key);
      return;
    }
    const status = (pod.status ?? {}) as PodStatus;
    if (
      status.phase === 'Succeeded' ||
      status.phase === 'Failed' ||
      pod.metadata.deletionTimestamp
    ) {
      this.forget(key);
      return;
    }
    // Only spec.nodeName and status change: copy those, share the rest
    // (pods of one template share their container specs in memory).
    const next: KubeObject = {
      ...pod,
      spec: { ...(pod.spec as object) },
      status: structuredClone(pod.status ?? {}),
    };
    const spec = next.spec as PodSpec;
    const nextStatus = (next.status ?? {}) as PodStatus;
    next.status = nextStatus;
    const scenario = this.ctx.scenarioForPod(pod);
    const runtime = this.runtimeFor(key, pod);
    const now = this.ctx.clock.now();
    const nowText = formatTimestamp(now);
    const { settings } = this.ctx;
    let wake: number | undefined;

    if (!spec.nodeName) {
      const node =
        scenario === 'unschedulable' ? undefined : this.pickNode(next);
      if (!node) {
        this.unschedulable(
          next,
          nextStatus,
          nowText,
          scenario === 'unschedulable' ? 'memory' : 'cordoned',
        );
        this.write(next, pod);
        this.wakeAfter(key, runtime, settings.failureIntervalMs * 3);
        return;
      }
      spec.nodeName = node.name;
      runtime.scheduledAt = now;
      nextStatus.phase = 'Pending';
      nextStatus.hostIP = node.ip;
      nextStatus.hostIPs = [{ ip: node.ip }];
      nextStatus.startTime = nowText;
      delete nextStatus.message;
      delete nextStatus.reason;
      nextStatus.conditions = this.baseConditions(
        nextStatus.conditions ?? [],
        nowText,
        false,
        this.notReadyMessage(
          spec.containers.map(
            c => ({ name: c.name, ready: false } as ContainerStatus),
          ),
        ),
      );
      nextStatus.containerStatuses = spec.containers.map(c =>
        this.containerStatus(
          c,
          pod,
          { waiting: { reason: 'ContainerCreating' } },
          false,
          0,
        ),
      );
      this.ctx.events.record({
        involved: pod,
        type: 'Normal',
        reason: 'Scheduled',
        message: `Successfully assigned ${namespace}/${name} to ${node.name}`,
        component: 'default-scheduler',
      });
    }
    const node =
      this.ctx.nodes.find(n => n.name === spec.nodeName) ?? this.ctx.nodes[0];
    const statuses = nextStatus.containerStatuses ?? [];
    const started = statuses.some(
      s =>
        s.state.running ||
        s.state.terminated ||
        s.state.waiting?.reason === 'CrashLoopBackOff' ||
        s.lastState.terminated,
    );
    if (!started) {
      if (!nextStatus.hostIP) {
        nextStatus.hostIP = node.ip;
        nextStatus.hostIPs = [{ ip: node.ip }];
        nextStatus.startTime = nowText;
        nextStatus.phase = 'Pending';
        nextStatus.conditions = this.baseConditions(
          nextStatus.conditions ?? [],
          nowText,
          false,
          this.notReadyMessage(
            spec.containers.map(
              c => ({ name: c.name, ready: false } as ContainerStatus),
            ),
          ),
        );
      }
      if (scenario === 'image-pull') {
        this.imagePull(next, nextStatus, runtime, now, node);
        this.write(next, pod);
        this.wakeAfter(key, runtime, settings.failureIntervalMs);
        return;
      }
      runtime.scheduledAt ??= nextStatus.startTime
        ? Date.parse(nextStatus.startTime)
        : now;
      const due = runtime.scheduledAt + settings.podReadyDelayMs;
      if (now < due) {
        if (!nextStatus.containerStatuses?.length) {
          nextStatus.containerStatuses = spec.containers.map(c =>
            this.containerStatus(
              c,
              pod,
              { waiting: { reason: 'ContainerCreating' } },
              false,
              0,
            ),
          );
        }
        this.write(next, pod);
        this.wakeAfter(key, runtime, due - now);
        return;
      }
      for (const c of spec.containers) {
        this.containerEvent({
          pod,
          node,
          container: c,
          type: 'Normal',
          reason: 'Pulled',
          message: `Container image "${c.image}" already present on machine`,
        });
        this.containerEvent({
          pod,
          node,
          container: c,
          type: 'Normal',
          reason: 'Created',
          message: `Created container: ${c.name}`,
        });
        this.containerEvent({
          pod,
          node,
          container: c,
          type: 'Normal',
          reason: 'Started',
          message: `Started container ${c.name}`,
        });
      }
      runtime.startedAt = now;
      nextStatus.podIP ??= this.podIP(node);
      nextStatus.podIPs = [{ ip: nextStatus.podIP }];
      nextStatus.phase = 'Running';
      nextStatus.containerStatuses = spec.containers.map(c =>
        this.containerStatus(
          c,
          pod,
          { running: { startedAt: nowText } },
          true,
          0,
        ),
      );
      runtime.lastTickAt = undefined;
    }

    const isJobPod =
      spec.restartPolicy === 'Never' || spec.restartPolicy === 'OnFailure';
    if (isJobPod) {
      wake = this.jobPod(next, nextStatus, runtime, scenario, now);
    } else if (scenario === 'crashloop' || scenario === 'oom') {
      wake = this.crashLoop(next, nextStatus, runtime, scenario, now, node);
    } else if (scenario === 'readiness-failing') {
      wake = this.readinessFailing(next, nextStatus, runtime, now, node);
    } else {
      wake = this.healthy(next, nextStatus, runtime, now);
    }
    this.write(next, pod);
    if (wake !== undefined) this.wakeAfter(key, runtime, wake);
    else this.forget(key);
  }

  private write(next: KubeObject, pod: KubeObject): void {
    if (
      !this.ctx.store.get(
        '/pods',
        pod.metadata.namespace,
        pod.metadata.name ?? '',
      )
    )
      return;
    this.ctx.store.update(this.ctx.type('/pods'), next, { keepStatus: true });
  }

  private containerStatus(
    c: ContainerSpec,
    pod: KubeObject,
    state: ContainerState,
    ready: boolean,
    restarts: number,
    lastState: ContainerState = {},
  ): ContainerStatus {
    const running = Boolean(state.running);
    return {
      name: c.name,
      state,
      lastState,
      ready,
      restartCount: restarts,
      image: c.image,
      imageID:
        running || lastState.terminated
          ? `${c.image.split(':')[0]}@sha256:${hex(c.image)}`
          : '',
      ...(running || lastState.terminated
        ? {
            containerID: `containerd://${hex(
              `${pod.metadata.uid}/${c.name}/${restarts}`,
            )}`,
          }
        : {}),
      started: running,
    };
  }

  private baseConditions(
    conditions: Condition[],
    now: string,
    ready: boolean,
    notReadyMessage?: string,
  ): Condition[] {
    let out = conditions;
    out = setCondition(
      out,
      {
        type: 'PodReadyToStartContainers',
        status: 'True',
        lastProbeTime: null,
      },
      now,
    );
    out = setCondition(
      out,
      { type: 'Initialized', status: 'True', lastProbeTime: null },
      now,
    );
    const notReady = {
      reason: 'ContainersNotReady',
      message: notReadyMessage ?? '',
    };
    out = setCondition(
      out,
      ready
        ? { type: 'Ready', status: 'True', lastProbeTime: null }
        : { type: 'Ready', status: 'False', lastProbeTime: null, ...notReady },
      now,
    );
    out = setCondition(
      out,
      ready
        ? { type: 'ContainersReady', status: 'True', lastProbeTime: null }
        : {
            type: 'ContainersReady',
            status: 'False',
            lastProbeTime: null,
            ...notReady,
          },
      now,
    );
    out = setCondition(
      out,
      { type: 'PodScheduled', status: 'True', lastProbeTime: null },
      now,
    );
    return out;
  }

  private notReadyMessage(statuses: ContainerStatus[]): string {
    const names = statuses.filter(s => !s.ready).map(s => s.name);
    return `containers with unready status: [${names.join(' ')}]`;
  }

  private unschedulable(
    pod: KubeObject,
    status: PodStatus,
    now: string,
    why: 'memory' | 'cordoned',
  ): void {
    const count = this.ctx.nodes.length;
    const message =
      why === 'memory'
        ? `0/${count} nodes are available: ${count} Insufficient memory. preemption: 0/${count} nodes are available: ${count} No preemption victims found for incoming pod.`
        : `0/${count} nodes are available: ${count} node(s) were unschedulable. preemption: 0/${count} nodes are available: ${count} Preemption is not helpful for scheduling.`;
    status.phase = 'Pending';
    status.conditions = setCondition(
      status.conditions ?? [],
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message,
        lastProbeTime: null,
      },
      now,
    );
    delete status.containerStatuses;
    this.ctx.events.record({
      involved: pod,
      type: 'Warning',
      reason: 'FailedScheduling',
      message,
      component: 'default-scheduler',
    });
  }

  private imagePull(
    pod: KubeObject,
    status: PodStatus,
    runtime: PodRuntime,
    now: number,
    node: SimulatedNode,
  ): void {
    const spec = pod.spec as PodSpec;
    const nowText = formatTimestamp(now);
    const firstAttempt = !status.containerStatuses?.some(
      s =>
        s.state.waiting?.reason === 'ErrImagePull' ||
        s.state.waiting?.reason === 'ImagePullBackOff',
    );
    const backOff =
      !firstAttempt &&
      status.containerStatuses?.some(
        s => s.state.waiting?.reason === 'ErrImagePull',
      );
    status.containerStatuses = spec.containers.map(c => {
      const pullError = `rpc error: code = NotFound desc = failed to pull and unpack image "${c.image}": failed to resolve reference "${c.image}": ${c.image}: not found`;
      const waiting = backOff
        ? {
            reason: 'ImagePullBackOff',
            message: `Back-off pulling image "${c.image}": ErrImagePull: ${pullError}`,
          }
        : { reason: 'ErrImagePull', message: pullError };
      if (backOff) {
        this.containerEvent({
          pod,
          node,
          container: c,
          type: 'Normal',
          reason: 'BackOff',
          message: `Back-off pulling image "${c.image}"`,
        });
        this.containerEvent({
          pod,
          node,
          container: c,
          type: 'Warning',
          reason: 'Failed',
          message: 'Error: ImagePullBackOff',
        });
      } else {
        this.containerEvent({
          pod,
          node,
          container: c,
          type: 'Normal',
          reason: 'Pulling',
          message: `Pulling image "${c.image}"`,
        });
        this.containerEvent({
          pod,
          node,
          container: c,
          type: 'Warning',
          reason: 'Failed',
          message: `Failed to pull image "${c.image}": ${pullError}`,
        });
        this.containerEvent({
          pod,
          node,
          container: c,
          type: 'Warning',
          reason: 'Failed',
          message: 'Error: ErrImagePull',
        });
      }
      return this.containerStatus(c, pod, { waiting }, false, 0);
    });
    status.phase = 'Pending';
    status.podIP ??= this.podIP(node);
    status.podIPs = [{ ip: status.podIP }];
    status.conditions = this.baseConditions(
      status.conditions ?? [],
      nowText,
      false,
      this.notReadyMessage(status.containerStatuses),
    );
    runtime.lastTickAt = now;
  }

  private crashLoop(
    pod: KubeObject,
    status: PodStatus,
    runtime: PodRuntime,
    scenario: Scenario,
    now: number,
    node: SimulatedNode,
  ): number {
    const interval = this.ctx.settings.failureIntervalMs;
    const nowText = formatTimestamp(now);
    const due =
      runtime.lastTickAt === undefined || now - runtime.lastTickAt >= interval;
    const oom = scenario === 'oom';
    if (due) {
      runtime.lastTickAt = now;
      const spec = pod.spec as PodSpec;
      status.containerStatuses = spec.containers.map((c, i) => {
        const prev = status.containerStatuses?.find(s => s.name === c.name);
        const wasCrashing = Boolean(prev?.lastState.terminated);
        const restarts =
          (prev?.restartCount ?? 0) +
          (wasCrashing || prev?.state.running ? 1 : 0);
        if (i > 0)
          return this.containerStatus(
            c,
            pod,
            { running: { startedAt: nowText } },
            true,
            prev?.restartCount ?? 0,
          );
        const startedAt =
          prev?.state.running?.startedAt ??
          formatTimestamp(now - Math.min(interval, 5000));
        const terminated = oom
          ? {
              exitCode: 137,
              reason: 'OOMKilled',
              startedAt,
              finishedAt: nowText,
            }
          : { exitCode: 1, reason: 'Error', startedAt, finishedAt: nowText };
        const message = `back-off ${backoffSeconds(
          restarts,
        )}s restarting failed container=${c.name} pod=${pod.metadata.name}_${
          pod.metadata.namespace
        }(${pod.metadata.uid})`;
        return this.containerStatus(
          c,
          pod,
          { waiting: { reason: 'CrashLoopBackOff', message } },
          false,
          Math.max(1, restarts),
          {
            terminated: {
              ...terminated,
              containerID: `containerd://${hex(
                `${pod.metadata.uid}/${c.name}/${restarts - 1}`,
              )}`,
            },
          },
        );
      });
      const first = spec.containers[0];
      this.ctx.events.record({
        involved: pod,
        type: 'Warning',
        reason: 'BackOff',
        message: `Back-off restarting failed container ${first.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
        component: 'kubelet',
        host: node.name,
        fieldPath: `spec.containers{${first.name}}`,
      });
    }
    status.phase = 'Running';
    status.conditions = this.baseConditions(
      status.conditions ?? [],
      nowText,
      false,
      this.notReadyMessage(status.containerStatuses ?? []),
    );
    return interval - (now - (runtime.lastTickAt ?? now));
  }

  private readinessFailing(
    pod: KubeObject,
    status: PodStatus,
    runtime: PodRuntime,
    now: number,
    node: SimulatedNode,
  ): number {
    const interval = this.ctx.settings.failureIntervalMs;
    const nowText = formatTimestamp(now);
    const spec = pod.spec as PodSpec;
    status.containerStatuses = spec.containers.map((c, i) => {
      const prev = status.containerStatuses?.find(s => s.name === c.name);
      const state = prev?.state.running
        ? prev.state
        : { running: { startedAt: nowText } };
      return {
        ...this.containerStatus(
          c,
          pod,
          state,
          i > 0,
          prev?.restartCount ?? 0,
          prev?.lastState ?? {},
        ),
        started: true,
      };
    });
    status.phase = 'Running';
    status.conditions = this.baseConditions(
      status.conditions ?? [],
      nowText,
      false,
      this.notReadyMessage(status.containerStatuses),
    );
    if (
      runtime.lastTickAt === undefined ||
      now - runtime.lastTickAt >= interval
    ) {
      runtime.lastTickAt = now;
      const first = spec.containers[0];
      this.ctx.events.record({
        involved: pod,
        type: 'Warning',
        reason: 'Unhealthy',
        message:
          'Readiness probe failed: HTTP probe failed with statuscode: 503',
        component: 'kubelet',
        host: node.name,
        fieldPath: `spec.containers{${first.name}}`,
      });
    }
    return interval - (now - runtime.lastTickAt);
  }

  /**
   * Running, and Ready once the readiness probe would first pass: half the
   * start-up delay after the containers start, for containers that have a
   * readiness probe. Returns when to look again, if not ready yet.
   */
  private healthy(
    pod: KubeObject,
    status: PodStatus,
    runtime: PodRuntime,
    now: number,
  ): number | undefined {
    const spec = pod.spec as PodSpec & {
      containers: Array<{ readinessProbe?: unknown }>;
    };
    const nowText = formatTimestamp(now);
    const probeDelay = spec.containers.some(c => c.readinessProbe)
      ? this.ctx.settings.podReadyDelayMs / 2
      : 0;
    const startedAt = runtime.startedAt ?? 0;
    const ready = probeDelay === 0 || now - startedAt >= probeDelay;
    status.containerStatuses = spec.containers.map(c => {
      const prev = status.containerStatuses?.find(s => s.name === c.name);
      const state = prev?.state.running
        ? prev.state
        : { running: { startedAt: nowText } };
      const containerReady = ready || !c.readinessProbe;
      return this.containerStatus(
        c,
        pod,
        state,
        containerReady,
        prev?.restartCount ?? 0,
        prev?.lastState ?? {},
      );
    });
    status.phase = 'Running';
    status.conditions = this.baseConditions(
      status.conditions ?? [],
      nowText,
      ready,
      ready ? undefined : this.notReadyMessage(status.containerStatuses),
    );
    return ready ? undefined : probeDelay - (now - startedAt);
  }

  private jobPod(
    pod: KubeObject,
    status: PodStatus,
    runtime: PodRuntime,
    scenario: Scenario | undefined,
    now: number,
  ): number | undefined {
    const nowText = formatTimestamp(now);
    const spec = pod.spec as PodSpec;
    runtime.startedAt ??= now;
    const failing = scenario === 'crashloop' || scenario === 'oom';
    const runFor = failing
      ? Math.min(
          this.ctx.settings.jobDurationMs,
          this.ctx.settings.failureIntervalMs,
        )
      : this.ctx.settings.jobDurationMs;
    if (now - runtime.startedAt < runFor) {
      status.phase = 'Running';
      status.conditions = this.baseConditions(
        status.conditions ?? [],
        nowText,
        true,
      );
      return runFor - (now - runtime.startedAt);
    }
    const startedAt =
      status.containerStatuses?.[0]?.state.running?.startedAt ?? nowText;
    const terminated = failing
      ? {
          exitCode: scenario === 'oom' ? 137 : 1,
          reason: scenario === 'oom' ? 'OOMKilled' : 'Error',
          startedAt,
          finishedAt: nowText,
        }
      : { exitCode: 0, reason: 'Completed', startedAt, finishedAt: nowText };
    status.phase = failing ? 'Failed' : 'Succeeded';
    status.containerStatuses = spec.containers.map(c => ({
      ...this.containerStatus(c, pod, { terminated }, false, 0),
      started: false,
    }));
    let conditions = this.baseConditions(
      status.conditions ?? [],
      nowText,
      false,
    );
    conditions = setCondition(
      conditions,
      {
        type: 'Ready',
        status: 'False',
        reason: 'PodCompleted',
        lastProbeTime: null,
      },
      nowText,
    );
    conditions = setCondition(
      conditions,
      {
        type: 'ContainersReady',
        status: 'False',
        reason: 'PodCompleted',
        lastProbeTime: null,
      },
      nowText,
    );
    conditions = setCondition(
      conditions,
      {
        type: 'PodReadyToStartContainers',
        status: 'False',
        lastProbeTime: null,
      },
      nowText,
    );
    status.conditions = conditions;
    return undefined;
  }

  /** An event about one container, as the kubelet of the pod's node reports it. */
  private containerEvent(options: {
    pod: KubeObject;
    node: { name: string };
    container: { name: string };
    type: 'Normal' | 'Warning';
    reason: string;
    message: string;
  }): void {
    this.ctx.events.record({
      involved: options.pod,
      type: options.type,
      reason: options.reason,
      message: options.message,
      component: 'kubelet',
      host: options.node.name,
      fieldPath: `spec.containers{${options.container.name}}`,
    });
  }
}
