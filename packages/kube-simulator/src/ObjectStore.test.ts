import { systemClock } from './Clock';
import { ObjectStore } from './ObjectStore';
import { ResourceRegistry } from './ResourceRegistry';
import { KubeObject } from './types';
import { StoredEvent, WatchHub } from './WatchHub';

function setup() {
  const registry = new ResourceRegistry();
  const hub = new WatchHub({ historySize: 100 });
  const store = new ObjectStore({ registry, hub, clock: systemClock });
  const events: StoredEvent[] = [];
  hub.subscribe(e => events.push(e));
  const type = (plural: string, group = '') =>
    registry.all().find(t => t.plural === plural && t.group === group)!;
  store.create(type('namespaces'), {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'shop' },
  });
  return { store, events, type };
}

const cm = (name: string, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'shop' },
  data: { a: '1' },
  ...extra,
});

describe('ObjectStore', () => {
  it('assigns metadata, skips no-op writes and bumps generation only on spec changes', () => {
    const { store, events, type } = setup();
    const created = store.create(type('configmaps'), cm('one'));
    expect(created.metadata).toMatchObject({
      uid: expect.any(String),
      resourceVersion: expect.stringMatching(/^\d+$/),
      creationTimestamp: expect.stringMatching(/Z$/),
    });
    expect(created.metadata.generation).toBeUndefined();
    const same = store.update(type('configmaps'), cm('one'));
    expect(same).toBe(created);
    const dep: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', namespace: 'shop' },
      spec: { replicas: 1 },
    };
    const d1 = store.create(type('deployments', 'apps'), dep);
    const labelled = store.update(type('deployments', 'apps'), {
      ...d1,
      metadata: { ...d1.metadata, labels: { a: 'b' } },
    });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = store.update(type('deployments', 'apps'), {
      ...labelled,
      spec: { replicas: 2 },
    });
    expect(scaled.metadata.generation).toBe(2);
    expect(events.map(e => e.type)).toEqual([
      'ADDED',
      'ADDED',
      'ADDED',
      'MODIFIED',
      'MODIFIED',
    ]);
  });

  it('deletes dependents in the background, or orphans them', () => {
    const { store, type } = setup();
    const owner = store.create(type('configmaps'), cm('owner'));
    const ref = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'owner',
      uid: owner.metadata.uid!,
      controller: true,
    };
    store.create(
      type('configmaps'),
      cm('child', {
        metadata: { name: 'child', namespace: 'shop', ownerReferences: [ref] },
      }),
    );
    store.delete(type('configmaps'), 'shop', 'owner');
    expect(store.get(type('configmaps'), 'shop', 'child')).toBeUndefined();
    const owner2 = store.create(type('configmaps'), cm('owner'));
    store.create(
      type('configmaps'),
      cm('kept', {
        metadata: {
          name: 'kept',
          namespace: 'shop',
          ownerReferences: [{ ...ref, uid: owner2.metadata.uid! }],
        },
      }),
    );
    store.delete(type('configmaps'), 'shop', 'owner', {
      propagation: 'Orphan',
    });
    expect(
      store.get(type('configmaps'), 'shop', 'kept')?.metadata.ownerReferences,
    ).toBeUndefined();
  });

  it('deletes a namespace with its contents and refuses creates in a missing namespace', () => {
    const { store, type } = setup();
    store.create(type('configmaps'), cm('a'));
    const deleted = store.delete(type('namespaces'), undefined, 'shop');
    expect(deleted.status).toEqual({ phase: 'Terminating' });
    expect(store.list(type('configmaps'))).toHaveLength(0);
    expect(() => store.create(type('configmaps'), cm('b'))).toThrow(
      'namespaces "shop" not found',
    );
  });

  it('lists sorted by namespace then name', () => {
    const { store, type } = setup();
    store.create(type('namespaces'), {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop-eu' },
    });
    for (const [ns, name] of [
      ['shop-eu', 'b'],
      ['shop', 'z'],
      ['shop', 'a'],
    ]) {
      store.create(type('configmaps'), {
        ...cm(name),
        metadata: { name, namespace: ns },
      });
    }
    expect(
      store
        .list(type('configmaps'))
        .map(o => `${o.metadata.namespace}/${o.metadata.name}`),
    ).toEqual(['shop/a', 'shop/z', 'shop-eu/b']);
  });
});
