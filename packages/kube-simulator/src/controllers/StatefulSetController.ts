import { KubeObject } from '../types';
import { StoredEvent } from '../WatchHub';
import { Controller, splitKey } from './Controller';
import { ControllerContext } from './ControllerContext';
import { podOwnerKeys } from './podOwnerKeys';
import {
  newPodFromTemplate,
  podIsActive,
  podIsReady,
  PodTemplate,
} from './pods';
import { templateHash } from './templateHash';

interface StatefulSetSpec {
  replicas?: number;
  serviceName?: string;
  podManagementPolicy?: string;
  template: PodTemplate;
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
}

/**
 * Runs StatefulSets: pods `<name>-0..N-1` created in order (each after the
 * previous is ready, unless `Parallel`), removed from the highest ordinal,
 * and rolled from the highest ordinal down on template change, with
 * currentRevision/updateRevision as the real controller reports them.
 */
export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';

  constructor(private readonly ctx: ControllerContext) {}

  keysFor(event: StoredEvent): string[] {
    return podOwnerKeys(event, {
      storageKey: 'apps/statefulsets',
      kind: 'StatefulSet',
      podChanged: (previous, current) =>
        podIsReady(previous) !== podIsReady(current),
    });
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const podType = this.ctx.type('/pods');
    const sts = store.get('apps/statefulsets', namespace, name);
    if (!sts) return;
    const spec = sts.spec as StatefulSetSpec;
    const replicas = spec.replicas ?? 1;
    const updateRevision = `${name}-${templateHash(spec.template)}`;
    const previousStatus = (sts.status ?? {}) as { currentRevision?: string };
    const parallel = spec.podManagementPolicy === 'Parallel';
    const pods = new Map<number, KubeObject>();
    for (const pod of this.ctx.owned(sts, 'Pod').filter(podIsActive)) {
      const ordinal = Number((pod.metadata.name ?? '').slice(name.length + 1));
      pods.set(ordinal, pod);
    }
    let changed = false;
    for (let i = 0; i < replicas && !changed; i++) {
      const existing = pods.get(i);
      if (existing) {
        if (!parallel && !podIsReady(existing)) break;
        continue;
      }
      const podName = `${name}-${i}`;
      const pod = store.create(
        podType,
        newPodFromTemplate({
          template: spec.template,
          owner: sts,
          name: podName,
          labels: {
            'controller-revision-hash': updateRevision,
            'statefulset.kubernetes.io/pod-name': podName,
            'apps.kubernetes.io/pod-index': String(i),
          },
          spec: {
            hostname: podName,
            ...(spec.serviceName ? { subdomain: spec.serviceName } : {}),
          },
        }),
      );
      pods.set(i, pod);
      this.ctx.events.record({
        involved: sts,
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message: `create Pod ${podName} in StatefulSet ${name} successful`,
        component: 'statefulset-controller',
      });
      if (!parallel) changed = true;
    }
    const ordinals = [...pods.keys()].sort((a, b) => b - a);
    for (const ordinal of ordinals) {
      if (ordinal < replicas) continue;
      store.delete(podType, namespace, `${name}-${ordinal}`);
      pods.delete(ordinal);
      this.ctx.events.record({
        involved: sts,
        type: 'Normal',
        reason: 'SuccessfulDelete',
        message: `delete Pod ${name}-${ordinal} in StatefulSet ${name} successful`,
        component: 'statefulset-controller',
      });
      if (!parallel) break;
    }
    // Rolling update: replace the highest outdated ordinal once all are ready.
    const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    const allReady =
      pods.size === replicas && [...pods.values()].every(podIsReady);
    if (spec.updateStrategy?.type !== 'OnDelete' && (allReady || parallel)) {
      const outdated = [...pods.entries()]
        .filter(
          ([ordinal, pod]) =>
            ordinal >= partition &&
            pod.metadata.labels?.['controller-revision-hash'] !==
              updateRevision,
        )
        .sort((a, b) => b[0] - a[0])[0];
      if (outdated) {
        store.delete(podType, namespace, outdated[1].metadata.name ?? '');
        pods.delete(outdated[0]);
        this.ctx.events.record({
          involved: sts,
          type: 'Normal',
          reason: 'SuccessfulDelete',
          message: `delete Pod ${outdated[1].metadata.name} in StatefulSet ${name} successful`,
          component: 'statefulset-controller',
        });
      }
    }
    const all = [...pods.values()];
    const updated = all.filter(
      p => p.metadata.labels?.['controller-revision-hash'] === updateRevision,
    ).length;
    const ready = all.filter(podIsReady).length;
    let currentRevision = previousStatus.currentRevision ?? updateRevision;
    if (updated === replicas && all.length === replicas)
      currentRevision = updateRevision;
    const current = all.filter(
      p => p.metadata.labels?.['controller-revision-hash'] === currentRevision,
    ).length;
    const status: Record<string, unknown> = {
      observedGeneration: sts.metadata.generation,
      replicas: all.length,
      readyReplicas: ready,
      currentReplicas: current,
      updatedReplicas: updated,
      availableReplicas: ready,
      currentRevision,
      updateRevision,
      collisionCount: 0,
    };
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas'])
      if (status[k] === 0) delete status[k];
    const latest = store.get('apps/statefulsets', namespace, name)!;
    store.update(
      this.ctx.type('apps/statefulsets'),
      { ...latest, status },
      { subresource: 'status' },
    );
  }
}
