import { randomSuffix } from '../ObjectStore';
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

/**
 * Runs one pod of each DaemonSet per simulated node, replaces outdated
 * pods one at a time on template change, and reports the DaemonSet
 * status counts.
 */
export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';

  constructor(private readonly ctx: ControllerContext) {}

  keysFor(event: StoredEvent): string[] {
    return podOwnerKeys(event, {
      storageKey: 'apps/daemonsets',
      kind: 'DaemonSet',
      podChanged: (previous, current) =>
        podIsReady(previous) !== podIsReady(current),
    });
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store, nodes } = this.ctx;
    const podType = this.ctx.type('/pods');
    const ds = store.get('apps/daemonsets', namespace, name);
    if (!ds) return;
    const template = (ds.spec as { template: PodTemplate }).template;
    const hash = templateHash(template);
    let pods = this.ctx.owned(ds, 'Pod').filter(podIsActive);
    for (const node of nodes) {
      if (
        pods.some(p => (p.spec as { nodeName?: string }).nodeName === node.name)
      )
        continue;
      const pod = store.create(
        podType,
        newPodFromTemplate({
          template,
          owner: ds,
          name: `${name}-${randomSuffix()}`,
          labels: {
            'controller-revision-hash': hash,
            'pod-template-generation': String(ds.metadata.generation ?? 1),
          },
          spec: { nodeName: node.name },
        }),
      );
      pods.push(pod);
      this.ctx.events.record({
        involved: ds,
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message: `Created pod: ${pod.metadata.name}`,
        component: 'daemonset-controller',
      });
    }
    if (pods.every(podIsReady)) {
      const outdated = pods.find(
        p => p.metadata.labels?.['controller-revision-hash'] !== hash,
      );
      if (outdated) {
        store.delete(podType, namespace, outdated.metadata.name ?? '');
        pods = pods.filter(p => p !== outdated);
        this.ctx.events.record({
          involved: ds,
          type: 'Normal',
          reason: 'SuccessfulDelete',
          message: `Deleted pod: ${outdated.metadata.name}`,
          component: 'daemonset-controller',
        });
      }
    }
    const ready = pods.filter(podIsReady).length;
    const status: Record<string, unknown> = {
      currentNumberScheduled: pods.length,
      numberMisscheduled: 0,
      desiredNumberScheduled: nodes.length,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: pods.filter(
        p => p.metadata.labels?.['controller-revision-hash'] === hash,
      ).length,
      numberAvailable: ready,
      numberUnavailable: nodes.length - ready,
    };
    if (status.numberAvailable === 0) delete status.numberAvailable;
    if (status.numberUnavailable === 0) delete status.numberUnavailable;
    const latest = store.get('apps/daemonsets', namespace, name)!;
    store.update(
      this.ctx.type('apps/daemonsets'),
      { ...latest, status },
      { subresource: 'status' },
    );
  }
}
