import { LabelSelector } from '../LabelSelector';
import { KubeObject } from '../types';
import { StoredEvent } from '../WatchHub';
import { Controller, keyOf, splitKey } from './Controller';
import { ControllerContext } from './ControllerContext';
import { podIsActive, podIsReady } from './pods';
import { templateHash } from './templateHash';

interface ServiceSpec {
  selector?: Record<string, string>;
  clusterIP?: string;
  ports?: Array<{
    name?: string;
    port: number;
    targetPort?: number | string;
    protocol?: string;
    appProtocol?: string;
  }>;
}

interface PodLike {
  spec?: {
    nodeName?: string;
    containers?: Array<{
      ports?: Array<{ name?: string; containerPort: number }>;
    }>;
  };
  status?: { podIP?: string };
}

const relevant = (pod: KubeObject) =>
  JSON.stringify([
    podIsReady(pod),
    podIsActive(pod),
    (pod as PodLike).status?.podIP,
    pod.metadata.labels,
  ]);

/**
 * Keeps the Endpoints of each Service with a selector in step with its
 * pods: ready pods under `addresses`, the others under
 * `notReadyAddresses`, named target ports resolved per pod.
 */
export class EndpointsController implements Controller {
  readonly name = 'endpoints-controller';

  constructor(private readonly ctx: ControllerContext) {}

  keysFor(event: StoredEvent): string[] {
    if (event.storageKey === '/services') {
      if (
        event.type === 'MODIFIED' &&
        JSON.stringify(event.previous?.spec) ===
          JSON.stringify(event.object.spec)
      )
        return [];
      return [keyOf(event.object)];
    }
    if (event.storageKey !== '/pods') return [];
    if (
      event.type === 'MODIFIED' &&
      relevant(event.previous!) === relevant(event.object)
    )
      return [];
    const labelSets = [
      event.object.metadata.labels,
      event.previous?.metadata.labels,
    ];
    return this.ctx.store
      .list('/services', event.object.metadata.namespace)
      .filter(svc => {
        const selector = (svc.spec as ServiceSpec).selector;
        if (!selector || Object.keys(selector).length === 0) return false;
        const matcher = LabelSelector.fromSpec({ matchLabels: selector });
        return labelSets.some(labels => labels && matcher.matches(labels));
      })
      .map(keyOf);
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const type = this.ctx.type('/endpoints');
    const svc = store.get('/services', namespace, name);
    const existing = store.get(type, namespace, name);
    if (!svc) {
      if (
        existing?.metadata.labels?.['endpoints.kubernetes.io/managed-by'] ===
        this.name
      )
        store.delete(type, namespace, name);
      return;
    }
    const spec = svc.spec as ServiceSpec;
    if (!spec.selector || Object.keys(spec.selector).length === 0) return;
    const matcher = LabelSelector.fromSpec({ matchLabels: spec.selector });
    const pods = store
      .list('/pods', namespace)
      .filter(
        p =>
          podIsActive(p) &&
          (p as PodLike).status?.podIP &&
          matcher.matches(p.metadata.labels),
      );
    const address = (pod: KubeObject) => ({
      ip: (pod as PodLike).status!.podIP!,
      nodeName: (pod as PodLike).spec?.nodeName,
      targetRef: {
        kind: 'Pod',
        namespace,
        name: pod.metadata.name,
        uid: pod.metadata.uid,
      },
    });
    const portOf = (
      pod: KubeObject | undefined,
      target: number | string | undefined,
      port: number,
    ): number => {
      if (typeof target === 'number') return target;
      if (target === undefined) return port;
      for (const c of (pod as PodLike | undefined)?.spec?.containers ?? []) {
        const found = c.ports?.find(p => p.name === target);
        if (found) return found.containerPort;
      }
      return port;
    };
    const ready = pods.filter(podIsReady);
    const notReady = pods.filter(p => !podIsReady(p));
    const subsets =
      pods.length === 0
        ? undefined
        : [
            {
              ...(ready.length ? { addresses: ready.map(address) } : {}),
              ...(notReady.length
                ? { notReadyAddresses: notReady.map(address) }
                : {}),
              ports: (spec.ports ?? []).map(p => ({
                ...(p.name ? { name: p.name } : {}),
                port: portOf(pods[0], p.targetPort, p.port),
                protocol: p.protocol ?? 'TCP',
                ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
              })),
            },
          ];
    const next: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name,
        namespace,
        labels: {
          ...(svc.metadata.labels ?? {}),
          'endpoints.kubernetes.io/managed-by': this.name,
        },
      },
      ...(subsets ? { subsets } : {}),
    };
    if (existing) {
      store.update(type, {
        ...next,
        metadata: { ...existing.metadata, labels: next.metadata.labels },
      });
    } else {
      store.create(type, next);
    }
    this.writeSlice(svc, pods, (pod, p) => portOf(pod, p.targetPort, p.port));
  }

  /** The EndpointSlice kubectl 1.32 reads for `describe service`. */
  private writeSlice(
    svc: KubeObject,
    pods: KubeObject[],
    portOf: (
      pod: KubeObject | undefined,
      p: NonNullable<ServiceSpec['ports']>[number],
    ) => number,
  ): void {
    const { store } = this.ctx;
    const type = this.ctx.type('discovery.k8s.io/endpointslices');
    const namespace = svc.metadata.namespace;
    const name = `${svc.metadata.name}-${templateHash(svc.metadata.uid).slice(
      0,
      5,
    )}`;
    const existing = store.get(type, namespace, name);
    const spec = svc.spec as ServiceSpec;
    const slice: KubeObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        ...(existing?.metadata ?? {}),
        name,
        namespace,
        labels: {
          ...(svc.metadata.labels ?? {}),
          'kubernetes.io/service-name': svc.metadata.name ?? '',
          'endpointslice.kubernetes.io/managed-by':
            'endpointslice-controller.k8s.io',
        },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name: svc.metadata.name ?? '',
            uid: svc.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      addressType: 'IPv4',
      endpoints: pods.map(pod => ({
        addresses: [(pod as PodLike).status!.podIP!],
        conditions: {
          ready: podIsReady(pod),
          serving: podIsReady(pod),
          terminating: false,
        },
        nodeName: (pod as PodLike).spec?.nodeName,
        targetRef: {
          kind: 'Pod',
          namespace,
          name: pod.metadata.name,
          uid: pod.metadata.uid,
        },
      })),
      ports: (spec.ports ?? []).map(p => ({
        ...(p.name ? { name: p.name } : {}),
        port: portOf(pods[0], p),
        protocol: p.protocol ?? 'TCP',
      })),
    };
    if (existing) store.update(type, slice);
    else store.create(type, slice);
  }
}
