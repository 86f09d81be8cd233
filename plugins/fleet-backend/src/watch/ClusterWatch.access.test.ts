import type { KubeSimulator } from '@carepath/kube-simulator';
import type {
  ServiceDetail,
  ServiceListResponse,
} from '@carepath/plugin-fleet-common';
import request from 'supertest';
import {
  component,
  deployment,
  eventually,
  namespace,
  startTestSimulator,
} from '../__testUtils__/fleetTestBed';
import { startAuthFaultProxy } from '../__testUtils__/authFaultProxy';
import { startFleetCache } from '../__testUtils__/startFleetCache';
import { catalogServiceFromEntity } from '../service/CatalogService';

jest.setTimeout(30_000);

const ID = 'backstage.io/kubernetes-id';

describe('ClusterWatch access errors', () => {
  let sim: KubeSimulator;
  let fleet: ReturnType<typeof startFleetCache> | undefined;

  beforeAll(async () => {
    sim = await startTestSimulator(['east', 'west', 'north']);
    for (const name of ['east', 'west', 'north']) {
      sim.cluster(name).apply(namespace('team-a'));
      sim.cluster(name).apply(
        deployment({
          name: 'api',
          namespace: 'team-a',
          labels: { [ID]: 'api' },
        }),
      );
    }
  });

  afterEach(async () => {
    await fleet?.stop();
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('names the token to check on 401 and the permission on 403, and serves the rest', async () => {
    fleet = startFleetCache({
      sim,
      services: [
        catalogServiceFromEntity(
          component({ name: 'api', annotations: { [ID]: 'api' } }),
        )!,
      ],
      tokens: { west: 'wrong-token', north: 'team-a-only' },
    });
    const states = await eventually(() => {
      const all = fleet!.cache.clusterStates();
      return all.every(s => s.state !== 'syncing') ? all : undefined;
    });
    expect(states.map(s => s.state)).toEqual([
      'synced',
      'unreachable',
      'unreachable',
    ]);
    expect(states[1].lastError).toBe(
      'west rejected the service account token (401 Unauthorized): check kubernetes.clusterLocatorMethods[0].clusters[1].serviceAccountToken',
    );
    expect(states[2].lastError).toMatch(
      /north denied access to \/.* \(403 Forbidden: .* is forbidden: User "team-a-bot" cannot list resource .*\): grant the service account get, list and watch on it at cluster scope/,
    );
    const server = fleet.app.listen(0);
    await eventually(() =>
      fleet!.cache.services()[0]?.health.status === 'Healthy'
        ? true
        : undefined,
    );
    await request(server).get('/api/fleet/clusters').expect(200);
    const started = performance.now();
    const res = await request(server).get('/api/fleet/services').expect(200);
    expect(performance.now() - started).toBeLessThan(100);
    server.close();
    const api = (res.body as ServiceListResponse).items[0];
    expect(api.health.status).toBe('Healthy');
    expect(api.clusters.map(c => [c.cluster, c.status])).toEqual([
      ['north', 'Unknown'],
      ['west', 'Unknown'],
      ['east', 'Healthy'],
    ]);
  });

  it.each([401, 403] as const)(
    'marks a cluster that starts answering %s, keeps serving the others fast, and recovers by itself',
    async code => {
      const proxy = await startAuthFaultProxy(sim.cluster('west').url);
      fleet = startFleetCache({
        sim,
        services: [
          catalogServiceFromEntity(
            component({ name: 'api', annotations: { [ID]: 'api' } }),
          )!,
        ],
        urls: { west: proxy.url },
      });
      const server = fleet.app.listen(0);
      try {
        const cache = fleet.cache;
        const west = () => cache.clusterStates().find(s => s.name === 'west')!;
        await eventually(() =>
          cache.clusterStates().every(s => s.state === 'synced')
            ? true
            : undefined,
        );
        proxy.set(code);
        const marked = await eventually(() =>
          west().state === 'unreachable' ? west() : undefined,
        );
        expect(marked.lastError).toMatch(
          code === 401
            ? /west rejected the service account token \(401 Unauthorized\)/
            : /west denied access to .*\(403 Forbidden/,
        );
        const api = await eventually(async () => {
          const started = performance.now();
          const res = await request(server)
            .get('/api/fleet/services/component/default/api')
            .expect(200);
          expect(performance.now() - started).toBeLessThan(100);
          const detail = res.body as ServiceDetail;
          return detail.clusters.find(c => c.cluster === 'west')?.status ===
            'Unknown'
            ? detail
            : undefined;
        });
        expect(api.clusters.find(c => c.cluster === 'east')?.status).toBe(
          'Healthy',
        );
        expect(api.clusters.find(c => c.cluster === 'east')?.pods).toHaveLength(
          2,
        );
        proxy.set('pass');
        await eventually(() => (west().state === 'synced' ? true : undefined), {
          timeoutMs: 15_000,
        });
        expect(west().lastError).toBeUndefined();
      } finally {
        server.close();
        await proxy.stop();
      }
    },
  );
});
