import { randomSuffix } from '../ObjectStore';
import { KubeObject } from '../types';
import { StoredEvent } from '../WatchHub';
import { Controller, splitKey } from './Controller';
import { ControllerContext } from './ControllerContext';
import { podOwnerKeys } from './podOwnerKeys';
import {
  newPodFromTemplate,
  podIsReady,
  podIsActive,
  PodTemplate,
} from './pods';

interface ReplicaSetSpec {
  replicas?: number;
  template: PodTemplate;
}

/**
 * Keeps the number of pods of each ReplicaSet at `spec.replicas`, and
 * reports replicas, ready and available counts in its status.
 */
export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';

  constructor(private readonly ctx: ControllerContext) {}

  keysFor(event: StoredEvent): string[] {
    return podOwnerKeys(event, {
      storageKey: 'apps/replicasets',
      kind: 'ReplicaSet',
      podChanged: (previous, current) =>
        podIsReady(previous) !== podIsReady(current) ||
        podIsActive(previous) !== podIsActive(current),
    });
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const rs = store.get('apps/replicasets', namespace, name);
    if (!rs) return;
    const spec = rs.spec as ReplicaSetSpec;
    const desired = spec.replicas ?? 1;
    let pods = this.ctx.owned(rs, 'Pod').filter(podIsActive);
    const podType = this.ctx.type('/pods');
    if (pods.length < desired) {
      for (let i = pods.length; i < desired; i++) {
        let podName: string;
        do {
          podName = `${name}-${randomSuffix()}`;
        } while (store.get(podType, namespace, podName));
        const pod = store.create(
          podType,
          newPodFromTemplate({
            template: spec.template,
            owner: rs,
            name: podName,
          }),
          { keepStatus: false },
        );
        this.ctx.events.record({
          involved: rs,
          type: 'Normal',
          reason: 'SuccessfulCreate',
          message: `Created pod: ${pod.metadata.name}`,
          component: 'replicaset-controller',
        });
        pods.push(pod);
      }
    } else if (pods.length > desired) {
      // Delete the least useful first: unscheduled, then not ready, then newest.
      const ranked = [...pods].sort(
        (a, b) =>
          rank(a) - rank(b) ||
          (b.metadata.creationTimestamp ?? '').localeCompare(
            a.metadata.creationTimestamp ?? '',
          ),
      );
      const victims = ranked.slice(0, pods.length - desired);
      for (const victim of victims) {
        store.delete(podType, namespace, victim.metadata.name ?? '');
        this.ctx.events.record({
          involved: rs,
          type: 'Normal',
          reason: 'SuccessfulDelete',
          message: `Deleted pod: ${victim.metadata.name}`,
          component: 'replicaset-controller',
        });
      }
      pods = pods.filter(p => !victims.includes(p));
    }
    const ready = pods.filter(podIsReady).length;
    const status = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation,
    };
    const current = store.get('apps/replicasets', namespace, name)!;
    store.update(
      this.ctx.type('apps/replicasets'),
      { ...current, status: compact(status) },
      { subresource: 'status' },
    );
  }
}

function rank(pod: KubeObject): number {
  if (!(pod.spec as { nodeName?: string }).nodeName) return 0;
  return podIsReady(pod) ? 2 : 1;
}

/** Drops zero counts the way the Go structs' `omitempty` does. */
function compact(
  status: Record<string, number | undefined>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(status)) {
    if (v !== undefined && (v !== 0 || k === 'replicas')) out[k] = v;
  }
  return out;
}
