import { Clock, TimerHandle } from '../Clock';
import { Logger } from '../Logger';
import { ObjectStore } from '../ObjectStore';
import { ResourceRegistry } from '../ResourceRegistry';
import { ResourceType } from '../ResourceType';
import { isScenario, Scenario, scenarioAnnotation } from '../scenarios';
import { KubeObject } from '../types';
import { EventRecorder } from './EventRecorder';
import { templateHash } from './templateHash';

/** Tunable timings of the simulated kubelet and controllers. */
export interface SimulationSettings {
  /** Time from a pod being scheduled to it running and ready. */
  podReadyDelayMs: number;
  /** Period of crash-loop restarts, image pull retries and probe failures. */
  failureIntervalMs: number;
  /** How long a Job's pod runs before it completes. */
  jobDurationMs: number;
}

/** A simulated node. */
export interface SimulatedNode {
  name: string;
  ip: string;
  index: number;
}

/**
 * What controllers share: the store, an event recorder, timers that are
 * cancelled on stop, the simulated nodes and scenario lookup.
 */
export class ControllerContext {
  private readonly timers = new Set<TimerHandle>();
  private stopped = false;

  constructor(
    readonly options: {
      store: ObjectStore;
      registry: ResourceRegistry;
      clock: Clock;
      events: EventRecorder;
      logger: Logger;
      settings: SimulationSettings;
      nodes: SimulatedNode[];
    },
  ) {}

  get store(): ObjectStore {
    return this.options.store;
  }

  get clock(): Clock {
    return this.options.clock;
  }

  get events(): EventRecorder {
    return this.options.events;
  }

  get settings(): SimulationSettings {
    return this.options.settings;
  }

  get nodes(): SimulatedNode[] {
    return this.options.nodes;
  }

  type(storageKey: string): ResourceType {
    const type = this.options.registry.findByStorageKey(storageKey);
    if (!type) throw new Error(`unknown resource ${storageKey}`);
    return type;
  }

  /** Runs `fn` after `ms`; the timer is dropped when the cluster stops. */
  after(ms: number, fn: () => void): TimerHandle {
    const handle = this.options.clock.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.stopped) fn();
    }, ms);
    this.timers.add(handle);
    return handle;
  }

  cancel(handle: TimerHandle | undefined): void {
    if (!handle) return;
    this.options.clock.clearTimeout(handle);
    this.timers.delete(handle);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) this.options.clock.clearTimeout(t);
    this.timers.clear();
  }

  /** Objects of `kind` that `owner` controls. */
  owned(owner: KubeObject, kind: string): KubeObject[] {
    const result: KubeObject[] = [];
    for (const { object } of this.store.dependents(owner.metadata.uid ?? '')) {
      if (
        object.kind === kind &&
        object.metadata.ownerReferences?.some(
          r => r.uid === owner.metadata.uid && r.controller,
        )
      ) {
        result.push(object);
      }
    }
    return result;
  }

  /** The controlling owner of an object, if it still exists. */
  controllerOf(obj: KubeObject): KubeObject | undefined {
    const ref = obj.metadata.ownerReferences?.find(r => r.controller);
    if (!ref) return undefined;
    const type = this.options.registry.findByKind(ref.apiVersion, ref.kind);
    if (!type) return undefined;
    const owner = this.store.get(type, obj.metadata.namespace, ref.name);
    return owner?.metadata.uid === ref.uid ? owner : undefined;
  }

  /** The scenario annotated on an object itself. */
  scenarioOn(obj: KubeObject | undefined): Scenario | undefined {
    const value = obj?.metadata.annotations?.[scenarioAnnotation];
    return isScenario(value) ? value : undefined;
  }

  /**
   * Whether a pod of a StatefulSet or DaemonSet belongs to a rollout in
   * progress: it carries the new revision while pods of an older one remain.
   */
  private isRolloutPod(pod: KubeObject, owner: KubeObject): boolean {
    const revision = pod.metadata.labels?.['controller-revision-hash'];
    if (owner.kind === 'StatefulSet') {
      const status = (owner.status ?? {}) as {
        currentRevision?: string;
        updateRevision?: string;
      };
      const update =
        status.updateRevision ??
        `${owner.metadata.name}-${templateHash(
          (owner.spec as { template: unknown }).template,
        )}`;
      return (
        revision === update &&
        status.currentRevision !== undefined &&
        status.currentRevision !== update
      );
    }
    if (owner.kind === 'DaemonSet') {
      const current = templateHash(
        (owner.spec as { template: unknown }).template,
      );
      return (
        revision === current &&
        this.owned(owner, 'Pod').some(
          p => p.metadata.labels?.['controller-revision-hash'] !== current,
        )
      );
    }
    return true;
  }

  /**
   * The scenario a pod plays: its own annotation (from its template), else
   * its controller's, else the controller's controller's (Deployment or
   * CronJob). `rollout-stuck` on a Deployment makes only the pods of the
   * rollout's new ReplicaSet fail readiness.
   */
  scenarioForPod(pod: KubeObject): Scenario | undefined {
    const own = this.scenarioOn(pod);
    if (own) return own;
    const owner = this.controllerOf(pod);
    const ownerScenario = this.scenarioOn(owner);
    if (ownerScenario === 'rollout-stuck' && owner) {
      return this.isRolloutPod(pod, owner) ? 'readiness-failing' : undefined;
    }
    if (ownerScenario) return ownerScenario;
    if (!owner) return undefined;
    const grandOwner = this.controllerOf(owner);
    const top = this.scenarioOn(grandOwner);
    if (top === 'rollout-stuck' && grandOwner && owner.kind === 'ReplicaSet') {
      const siblings = this.owned(grandOwner, 'ReplicaSet');
      const active = siblings.filter(
        rs => Number((rs.spec as { replicas?: number }).replicas ?? 0) > 0,
      );
      const newest = siblings.reduce<KubeObject | undefined>(
        (a, b) => (!a || revisionOf(b) > revisionOf(a) ? b : a),
        undefined,
      );
      return active.length > 1 && newest?.metadata.uid === owner.metadata.uid
        ? 'readiness-failing'
        : undefined;
    }
    if (top === 'hpa-max' || top === 'rollout-stuck') return undefined;
    return top;
  }
}

/** The `deployment.kubernetes.io/revision` of a ReplicaSet. */
export function revisionOf(rs: KubeObject): number {
  return Number(
    rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0,
  );
}
