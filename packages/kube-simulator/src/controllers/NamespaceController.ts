import { StoredEvent } from '../WatchHub';
import { Controller } from './Controller';
import { ControllerContext } from './ControllerContext';

/**
 * Gives every new namespace what a real cluster does: a `default`
 * ServiceAccount and the `kube-root-ca.crt` ConfigMap.
 */
export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';

  constructor(
    private readonly ctx: ControllerContext,
    private readonly caCertPem: string,
  ) {}

  keysFor(event: StoredEvent): string[] {
    return event.storageKey === '/namespaces' && event.type === 'ADDED'
      ? [`/${event.object.metadata.name}`]
      : [];
  }

  reconcile(key: string): void {
    const namespace = key.slice(1);
    const { store } = this.ctx;
    if (!store.get('/namespaces', '', namespace)) return;
    if (!store.get('/serviceaccounts', namespace, 'default')) {
      store.create(this.ctx.type('/serviceaccounts'), {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace },
      });
    }
    if (!store.get('/configmaps', namespace, 'kube-root-ca.crt')) {
      store.create(this.ctx.type('/configmaps'), {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'kube-root-ca.crt',
          namespace,
          annotations: {
            'kubernetes.io/description':
              'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
          },
        },
        data: { 'ca.crt': this.caCertPem },
      });
    }
  }
}
