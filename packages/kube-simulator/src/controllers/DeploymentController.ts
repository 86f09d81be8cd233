import { formatTimestamp, TimerHandle } from '../Clock';
import { KubeObject } from '../types';
import { StoredEvent } from '../WatchHub';
import { Condition, setCondition } from './conditions';
import { Controller, keyOf, splitKey } from './Controller';
import { ControllerContext, revisionOf } from './ControllerContext';
import { templateHash } from './templateHash';
import { PodTemplate } from './pods';

interface DeploymentSpec {
  replicas?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
  selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: unknown[];
  };
  template: PodTemplate;
  strategy?: {
    type?: string;
    rollingUpdate?: {
      maxSurge?: number | string;
      maxUnavailable?: number | string;
    };
  };
}

interface ReplicaSetStatus {
  replicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
}

/** Resolves an int-or-percent against a total, as the Go helper does. */
function resolve(
  value: number | string | undefined,
  total: number,
  roundUp: boolean,
  fallback: string,
): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const pct = Number(String(v).replace('%', ''));
  const raw = (pct * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

const replicasOf = (rs: KubeObject) =>
  Number((rs.spec as { replicas?: number }).replicas ?? 0);
const statusOf = (rs: KubeObject) => (rs.status ?? {}) as ReplicaSetStatus;

/**
 * Rolls Deployments out through ReplicaSets: one ReplicaSet per pod
 * template (named by its pod-template-hash), scaled up and down within
 * maxSurge/maxUnavailable, with the status and conditions the real
 * controller reports (Available, Progressing with NewReplicaSetAvailable,
 * ReplicaSetUpdated or ProgressDeadlineExceeded).
 */
export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  private readonly deadlines = new Map<string, TimerHandle>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly enqueue: (key: string) => void,
  ) {}

  keysFor(event: StoredEvent): string[] {
    if (event.storageKey === 'apps/deployments') {
      if (event.type === 'DELETED') {
        this.ctx.cancel(this.deadlines.get(keyOf(event.object)));
        return [];
      }
      const before = event.previous;
      if (
        event.type === 'MODIFIED' &&
        before?.metadata.generation === event.object.metadata.generation &&
        JSON.stringify(before?.metadata.annotations) ===
          JSON.stringify(event.object.metadata.annotations)
      ) {
        return [];
      }
      return [keyOf(event.object)];
    }
    if (event.storageKey === 'apps/replicasets') {
      const ref = event.object.metadata.ownerReferences?.find(
        r => r.controller && r.kind === 'Deployment',
      );
      return ref ? [`${event.object.metadata.namespace}/${ref.name}`] : [];
    }
    return [];
  }

  stop(): void {
    for (const t of this.deadlines.values()) this.ctx.cancel(t);
    this.deadlines.clear();
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const rsType = this.ctx.type('apps/replicasets');
    const deployment = store.get('apps/deployments', namespace, name);
    if (!deployment) return;
    const spec = deployment.spec as DeploymentSpec;
    const replicas = spec.replicas ?? 1;
    const hash = templateHash(spec.template);
    let all = this.ctx.owned(deployment, 'ReplicaSet');
    let newRS = all.find(
      rs => rs.metadata.labels?.['pod-template-hash'] === hash,
    );
    const maxRevision = all.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
    let createdNew = false;
    const maxSurge =
      spec.strategy?.type === 'Recreate'
        ? 0
        : resolve(
            spec.strategy?.rollingUpdate?.maxSurge,
            replicas,
            true,
            '25%',
          );
    let maxUnavailable =
      spec.strategy?.type === 'Recreate'
        ? replicas
        : resolve(
            spec.strategy?.rollingUpdate?.maxUnavailable,
            replicas,
            false,
            '25%',
          );
    if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;

    if (!newRS && !spec.paused) {
      const rsName = `${name}-${hash}`;
      const template = structuredClone(spec.template);
      template.metadata = {
        ...(template.metadata ?? {}),
        labels: {
          ...(template.metadata?.labels ?? {}),
          'pod-template-hash': hash,
        },
      };
      newRS = store.create(rsType, {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: rsName,
          namespace,
          labels: {
            ...(spec.template.metadata?.labels ?? {}),
            'pod-template-hash': hash,
          },
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(replicas),
            'deployment.kubernetes.io/max-replicas': String(
              replicas + maxSurge,
            ),
            'deployment.kubernetes.io/revision': String(maxRevision + 1),
          },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name,
              uid: deployment.metadata.uid ?? '',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: {
          replicas: 0,
          selector: {
            ...spec.selector,
            matchLabels: {
              ...(spec.selector.matchLabels ?? {}),
              'pod-template-hash': hash,
            },
          },
          template,
        },
      });
      createdNew = true;
      all = [...all, newRS];
    } else if (newRS && revisionOf(newRS) < maxRevision) {
      // Rolling back to an older template: it becomes the newest revision.
      newRS = this.scale(newRS, replicasOf(newRS), deployment, {
        revision: maxRevision + 1,
      });
      all = all.map(rs =>
        rs.metadata.uid === newRS!.metadata.uid ? newRS! : rs,
      );
    }
    const old = all.filter(
      rs => rs !== newRS && rs.metadata.uid !== newRS?.metadata.uid,
    );

    if (newRS && !spec.paused) {
      let target = replicasOf(newRS);
      if (spec.strategy?.type === 'Recreate') {
        for (const rs of old)
          if (replicasOf(rs) > 0) this.scale(rs, 0, deployment);
        const oldRunning = old.reduce(
          (n, rs) => n + (statusOf(rs).replicas ?? 0),
          0,
        );
        target = oldRunning === 0 ? replicas : 0;
      } else {
        const oldTotal = old.reduce((n, rs) => n + replicasOf(rs), 0);
        if (target > replicas) target = replicas;
        else if (target < replicas)
          target = Math.min(
            replicas,
            Math.max(target, replicas + maxSurge - oldTotal),
          );
        // Old ReplicaSets shrink as far as availability allows; unhealthy
        // old pods can always go.
        const minAvailable = replicas - maxUnavailable;
        const newAvailable = Math.min(
          statusOf(newRS).availableReplicas ?? 0,
          target,
        );
        let available =
          newAvailable +
          old.reduce(
            (n, rs) =>
              n + Math.min(statusOf(rs).availableReplicas ?? 0, replicasOf(rs)),
            0,
          );
        const sortedOld = [...old].sort(
          (a, b) => revisionOf(a) - revisionOf(b),
        );
        for (const rs of sortedOld) {
          const current = replicasOf(rs);
          if (current === 0) continue;
          const rsAvailable = Math.min(
            statusOf(rs).availableReplicas ?? 0,
            current,
          );
          const unhealthy = current - rsAvailable;
          const canRemove = Math.max(
            0,
            Math.min(rsAvailable, available - minAvailable),
          );
          const remove = Math.min(current, unhealthy + canRemove);
          if (remove > 0) {
            this.scale(rs, current - remove, deployment);
            available -= Math.min(rsAvailable, canRemove);
          }
        }
        const remainingOld = old.reduce(
          (n, rs) =>
            n +
            replicasOf(
              store.get(rsType, namespace, rs.metadata.name ?? '') ?? rs,
            ),
          0,
        );
        target = Math.min(
          replicas,
          Math.max(
            target,
            Math.min(replicas, replicas + maxSurge - remainingOld),
          ),
        );
      }
      if (
        target !== replicasOf(newRS) ||
        newRS.metadata.annotations?.[
          'deployment.kubernetes.io/desired-replicas'
        ] !== String(replicas)
      ) {
        newRS = this.scale(newRS, target, deployment, {
          desired: replicas,
          max: replicas + maxSurge,
        });
      }
    }

    const fresh = this.ctx.owned(deployment, 'ReplicaSet');
    const current = store.get('apps/deployments', namespace, name)!;
    const newest = fresh.find(
      rs => rs.metadata.labels?.['pod-template-hash'] === hash,
    );
    const sum = (f: (rs: KubeObject) => number) =>
      fresh.reduce((n, rs) => n + f(rs), 0);
    const totalStatus = sum(rs => statusOf(rs).replicas ?? 0);
    const totalSpec = sum(replicasOf);
    const updated = newest ? statusOf(newest).replicas ?? 0 : 0;
    const ready = sum(rs => statusOf(rs).readyReplicas ?? 0);
    const available = sum(rs => statusOf(rs).availableReplicas ?? 0);
    const now = this.ctx.clock.now();
    const nowText = formatTimestamp(now);
    let conditions = ((
      current.status as { conditions?: Condition[] } | undefined
    )?.conditions ?? []) as Condition[];
    const minAvailable = replicas - maxUnavailable;
    conditions = setCondition(
      conditions,
      available >= minAvailable
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
      nowText,
      { updateTime: true },
    );
    const rsName = newest?.metadata.name ?? `${name}-${hash}`;
    const complete =
      updated === replicas &&
      available >= replicas &&
      totalStatus === replicas &&
      (newest
        ? (statusOf(newest).availableReplicas ?? 0) >= replicas
        : replicas === 0);
    const previous = conditions.find(c => c.type === 'Progressing');
    const deadlineMs = (spec.progressDeadlineSeconds ?? 600) * 1000;
    const stuckScenario = this.ctx.scenarioOn(current) === 'rollout-stuck';
    let progressing: Condition;
    if (spec.paused) {
      progressing = {
        type: 'Progressing',
        status: 'Unknown',
        reason: 'DeploymentPaused',
        message: 'Deployment is paused',
      };
    } else if (complete) {
      progressing = {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${rsName}" has successfully progressed.`,
      };
    } else if (
      previous?.reason === 'ProgressDeadlineExceeded' ||
      stuckScenario ||
      (previous?.lastUpdateTime &&
        now - Date.parse(previous.lastUpdateTime) > deadlineMs &&
        previous.reason !== 'NewReplicaSetAvailable')
    ) {
      progressing = {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: `ReplicaSet "${rsName}" has timed out progressing.`,
      };
    } else if (createdNew) {
      progressing = {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetCreated',
        message: `Created new replica set "${rsName}"`,
      };
    } else {
      progressing = {
        type: 'Progressing',
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: `ReplicaSet "${rsName}" is progressing.`,
      };
    }
    const previousStatus = (current.status ?? {}) as Record<string, unknown>;
    const madeProgress =
      previousStatus.updatedReplicas !== updated ||
      previousStatus.availableReplicas !== available ||
      previousStatus.readyReplicas !== ready ||
      createdNew;
    const keepUpdateTime =
      previous &&
      previous.reason === progressing.reason &&
      previous.message === progressing.message &&
      !madeProgress;
    conditions = setCondition(conditions, progressing, nowText);
    conditions = conditions.map(c =>
      c.type === 'Progressing'
        ? {
            ...c,
            lastUpdateTime: keepUpdateTime
              ? previous?.lastUpdateTime ?? nowText
              : nowText,
          }
        : c,
    );
    const status: Record<string, unknown> = {
      observedGeneration: current.metadata.generation,
      replicas: totalStatus,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, totalSpec - available),
      conditions,
    };
    for (const k of [
      'replicas',
      'updatedReplicas',
      'readyReplicas',
      'availableReplicas',
      'unavailableReplicas',
    ]) {
      if (status[k] === 0) delete status[k];
    }
    const metadata = { ...current.metadata };
    if (newest) {
      const revision = String(revisionOf(newest));
      if (
        metadata.annotations?.['deployment.kubernetes.io/revision'] !== revision
      ) {
        metadata.annotations = {
          ...(metadata.annotations ?? {}),
          'deployment.kubernetes.io/revision': revision,
        };
        store.update(this.ctx.type('apps/deployments'), {
          ...current,
          metadata,
        });
      }
    }
    const latest = store.get('apps/deployments', namespace, name)!;
    store.update(
      this.ctx.type('apps/deployments'),
      { ...latest, status },
      { subresource: 'status' },
    );

    // Re-check when the progress deadline would pass.
    this.ctx.cancel(this.deadlines.get(key));
    this.deadlines.delete(key);
    if (!complete && progressing.status === 'True') {
      this.deadlines.set(
        key,
        this.ctx.after(deadlineMs + 1000, () => this.enqueue(key)),
      );
    }
  }

  private scale(
    rs: KubeObject,
    replicas: number,
    deployment: KubeObject,
    extra: { desired?: number; max?: number; revision?: number } = {},
  ): KubeObject {
    const before = replicasOf(rs);
    const annotations = { ...(rs.metadata.annotations ?? {}) };
    if (extra.desired !== undefined)
      annotations['deployment.kubernetes.io/desired-replicas'] = String(
        extra.desired,
      );
    if (extra.max !== undefined)
      annotations['deployment.kubernetes.io/max-replicas'] = String(extra.max);
    if (extra.revision !== undefined)
      annotations['deployment.kubernetes.io/revision'] = String(extra.revision);
    const updated = this.ctx.store.update(this.ctx.type('apps/replicasets'), {
      ...rs,
      metadata: { ...rs.metadata, annotations },
      spec: { ...(rs.spec as object), replicas },
    });
    if (before !== replicas) {
      this.ctx.events.record({
        involved: deployment,
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: `Scaled ${replicas > before ? 'up' : 'down'} replica set ${
          rs.metadata.name
        } from ${before} to ${replicas}`,
        component: 'deployment-controller',
      });
    }
    return updated;
  }
}
