import { mockServices } from '@backstage/backend-test-utils';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService as CatalogApi } from '@backstage/plugin-catalog-node';
import type { CatalogService } from './CatalogService';
import { CatalogServiceReader } from './CatalogServiceReader';

function component(name: string, owner: string, etag: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      etag,
      annotations: { 'backstage.io/kubernetes-id': name },
    },
    spec: { type: 'service', owner, lifecycle: 'production' },
  };
}

/**
 * Backstage's in-memory catalog, replaced as entities change, recording
 * how many entities each call returns.
 */
class ChangingCatalog {
  entities: Entity[] = [];
  fullyRead = 0;
  calls: string[] = [];

  readonly api = {
    getEntities: async (request: { fields?: string[] }, _options: unknown) => {
      const result = await new InMemoryCatalogClient({
        entities: this.entities,
      }).getEntities(request as never);
      const full = request.fields?.includes('metadata.annotations') ?? true;
      this.calls.push(`getEntities(${full ? 'full' : 'etags'})`);
      if (full) this.fullyRead += result.items.length;
      return result;
    },
    getEntitiesByRefs: async (request: { entityRefs: string[] }) => {
      this.calls.push(`getEntitiesByRefs(${request.entityRefs.length})`);
      this.fullyRead += request.entityRefs.length;
      return new InMemoryCatalogClient({
        entities: this.entities,
      }).getEntitiesByRefs(request as never);
    },
  } as unknown as CatalogApi;
}

describe('CatalogServiceReader', () => {
  it('reads only new and changed entities after the first read, and drops removed ones', async () => {
    const catalog = new ChangingCatalog();
    catalog.entities = Array.from({ length: 2000 }, (_, i) =>
      component(`svc-${i}`, 'team-a', 'v1'),
    );
    catalog.entities.push({
      ...component('no-annotation', 'team-a', 'v1'),
      metadata: { name: 'no-annotation', namespace: 'default', etag: 'v1' },
    });
    let services: CatalogService[] = [];
    const reader = new CatalogServiceReader({
      catalog: catalog.api,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      intervalMs: 600_000,
      changeCheckIntervalMs: 600_000,
      onServices: s => {
        services = s;
      },
    });

    await reader.refresh();
    expect(services).toHaveLength(2000);
    expect(catalog.fullyRead).toBe(2000);

    // Nothing changed: one etag listing, no entity read in full.
    catalog.fullyRead = 0;
    catalog.calls = [];
    const before = services;
    await reader.refresh();
    expect(catalog.calls).toEqual(['getEntities(etags)']);
    expect(catalog.fullyRead).toBe(0);
    expect(services).toBe(before);

    // One changed, one added, one removed.
    catalog.entities = catalog.entities
      .filter(e => e.metadata.name !== 'svc-7')
      .map(e =>
        e.metadata.name === 'svc-3' ? component('svc-3', 'team-b', 'v2') : e,
      );
    catalog.entities.push(component('svc-new', 'team-c', 'v1'));
    await reader.refresh();
    expect(catalog.fullyRead).toBe(2);
    const byName = new Map(services.map(s => [s.name, s]));
    expect(services).toHaveLength(2000);
    expect(byName.get('svc-3')?.owner).toBe('team-b');
    expect(byName.get('svc-new')?.owner).toBe('team-c');
    expect(byName.has('svc-7')).toBe(false);
    reader.stop();
  });

  it('checks for changes on its own every change-check period', async () => {
    const catalog = new ChangingCatalog();
    catalog.entities = [component('svc-a', 'team-a', 'v1')];
    let names: string[] = [];
    const reader = new CatalogServiceReader({
      catalog: catalog.api,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      intervalMs: 600_000,
      changeCheckIntervalMs: 20,
      onServices: s => {
        names = s.map(x => x.name).sort();
      },
    });
    reader.start();
    try {
      await waitFor(() => names.length === 1);
      catalog.entities = [...catalog.entities, component('svc-b', 'x', 'v1')];
      await waitFor(() => names.join() === 'svc-a,svc-b');
      catalog.entities = [component('svc-b', 'x', 'v1')];
      await waitFor(() => names.join() === 'svc-b');
    } finally {
      reader.stop();
    }
    expect(names).toEqual(['svc-b']);
  });

  it('keeps the previous services when the catalog fails', async () => {
    const catalog = new ChangingCatalog();
    catalog.entities = [component('svc-a', 'team-a', 'v1')];
    const logger = mockServices.logger.mock();
    let services: CatalogService[] = [];
    const reader = new CatalogServiceReader({
      catalog: catalog.api,
      auth: mockServices.auth(),
      logger,
      intervalMs: 600_000,
      changeCheckIntervalMs: 600_000,
      onServices: s => {
        services = s;
      },
    });
    await reader.refresh();
    catalog.api.getEntities = async () => {
      throw new Error('catalog is down');
    };
    await reader.refresh();
    reader.stop();
    expect(services.map(s => s.name)).toEqual(['svc-a']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog is down'),
    );
  });
});

async function waitFor(condition: () => boolean) {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 10));
  }
}
