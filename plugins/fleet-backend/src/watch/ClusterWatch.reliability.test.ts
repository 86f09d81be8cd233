import type { KubeSimulator } from '@carepath/kube-simulator';
import type {
  ClusterState,
  ServiceDetail,
  ServiceListResponse,
} from '@carepath/plugin-fleet-common';
import type { Server } from 'node:http';
import request from 'supertest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  deployment,
  eventually,
  namespace,
  startTestSimulator,
} from '../__testUtils__/fleetTestBed';
import { startFleetCache } from '../__testUtils__/startFleetCache';
import { catalogServiceFromEntity } from '../service/CatalogService';
import { component } from '../__testUtils__/fleetTestBed';

const ID = 'backstage.io/kubernetes-id';
const services = ['api', 'worker'].map(
  name =>
    catalogServiceFromEntity(component({ name, annotations: { [ID]: name } }))!,
);

jest.setTimeout(60_000);

describe('ClusterWatch reliability', () => {
  let sim: KubeSimulator;
  let fleet: ReturnType<typeof startFleetCache>;
  let server: Server;

  beforeAll(async () => {
    sim = await startTestSimulator();
    sim.cluster('east').apply(namespace('team-a'));
    sim.cluster('west').apply(namespace('team-a'));
    sim.cluster('east').apply(
      deployment({
        name: 'api',
        namespace: 'team-a',
        labels: { [ID]: 'api' },
      }),
    );
    sim.cluster('west').apply(
      deployment({
        name: 'worker',
        namespace: 'team-a',
        labels: { [ID]: 'worker' },
      }),
    );
    fleet = startFleetCache({ sim, services });
    server = fleet.app.listen(0);
    await waitForState('east', 'synced');
    await waitForState('west', 'synced');
    // Every fault below starts from a healthy fleet: the simulator's pods
    // become ready a moment after the clusters sync.
    await eventually(
      async () => {
        const s = await expectServedFast();
        return s.api?.health.status === 'Healthy' &&
          s.worker?.health.status === 'Healthy'
          ? s
          : undefined;
      },
      { what: 'api and worker Healthy', timeoutMs: 30_000 },
    );
  });

  afterAll(async () => {
    server?.close();
    await fleet?.stop();
    await sim?.stop();
  });

  function state(name: string): ClusterState {
    return fleet.cache.clusterStates().find(c => c.name === name)!;
  }

  function waitForState(name: string, wanted: ClusterState['state']) {
    return eventually(
      () => (state(name).state === wanted ? state(name) : undefined),
      {
        what: `${name} ${wanted}`,
        timeoutMs: 15_000,
      },
    );
  }

  /**
   * Every route answers within 100 ms; returns the services by name (each
   * with the other cluster's data, whatever state the bad one is in).
   */
  async function expectServedFast() {
    const timed = async (path: string) => {
      const started = performance.now();
      const res = await request(server).get(`/api/fleet${path}`).expect(200);
      expect(performance.now() - started).toBeLessThan(100);
      return res.body;
    };
    await timed('/services/component/default/api');
    await timed('/services/component/default/worker');
    await timed('/clusters');
    await timed('/unregistered');
    const body = (await timed('/services')) as ServiceListResponse;
    return Object.fromEntries(body.items.map(s => [s.name, s]));
  }

  it('marks a cluster that goes down, keeps serving, and recovers', async () => {
    await sim.cluster('east').down();
    const down = await waitForState('east', 'unreachable');
    expect(down.lastError).toMatch(
      /east is unreachable at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
    const byName = await eventually(async () => {
      const s = await expectServedFast();
      return s.api.health.status === 'Unknown' ? s : undefined;
    });
    expect(byName.api.health.message).toMatch(
      /Cluster east unreachable since .*last good data/,
    );
    expect(byName.worker.health.status).toBe('Healthy');
    await sim.cluster('east').up();
    await waitForState('east', 'synced');
    await eventually(async () =>
      (await expectServedFast()).api.health.status === 'Healthy'
        ? true
        : undefined,
    );
  });

  it('backs off 1 s doubling to 30 s between attempts', async () => {
    fleet.delays.length = 0;
    await sim.cluster('west').down();
    await eventually(() =>
      fleet.delays.filter(d => d.ms === 30_000).length >= 14 ? true : undefined,
    );
    // 14 kinds each retrying: 1 s, 2 s, 4 s, 8 s, 16 s, then 30 s.
    const perKind = fleet.delays.slice(0, 14 * 6).map(d => d.ms);
    expect(new Set(perKind)).toEqual(
      new Set([1000, 2000, 4000, 8000, 16000, 30000]),
    );
    await sim.cluster('west').up();
    await waitForState('west', 'synced');
  });

  it('times out a slow cluster instead of waiting for it', async () => {
    sim.cluster('east').setLatency(5000);
    sim.cluster('east').dropWatches();
    const slow = await waitForState('east', 'unreachable');
    expect(slow.lastError).toMatch(/east did not answer .* within 2000 ms/);
    const byName = await eventually(async () => {
      const s = await expectServedFast();
      return s.api.health.status === 'Unknown' ? s : undefined;
    });
    expect(byName.worker.health.status).toBe('Healthy');
    sim.cluster('east').setLatency(0);
    await waitForState('east', 'synced');
    await eventually(async () =>
      (await expectServedFast()).api.health.status === 'Healthy'
        ? true
        : undefined,
    );
  });

  it('marks a cluster answering 500s and recovers when it stops', async () => {
    sim.cluster('west').setErrorRate(1);
    sim.cluster('west').dropWatches();
    const failing = await waitForState('west', 'unreachable');
    expect(failing.lastError).toMatch(
      /west answered .* with 500: Internal error occurred/,
    );
    expect((await expectServedFast()).api.health.status).toBe('Healthy');
    sim.cluster('west').setErrorRate(0);
    await waitForState('west', 'synced');
  });

  it('relists after 410 Gone and sees changes made meanwhile', async () => {
    // An object no informer watches moves the resourceVersion past all of them.
    sim.cluster('east').apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'bump', namespace: 'team-a' },
    });
    sim.cluster('east').expireHistory();
    sim.cluster('east').apply(
      deployment({
        name: 'api-canary',
        namespace: 'team-a',
        labels: { [ID]: 'api' },
      }),
    );
    sim.cluster('east').dropWatches();
    // The relist delivers the Deployment and its ReplicaSet as separate
    // events: for a moment the ReplicaSet may stand alone. Once both are in,
    // the service has its two Deployments and no more.
    const api = await eventually(async () => {
      const s = (await expectServedFast()).api;
      const east = s.clusters.find(c => c.cluster === 'east');
      return s.desired === 4 && east?.workloadCount === 2 ? s : undefined;
    });
    expect(api.clusters.find(c => c.cluster === 'east')?.workloadCount).toBe(2);
    await waitForState('east', 'synced');
  });

  it('resumes dropped watches without losing changes made meanwhile', async () => {
    sim.cluster('west').dropWatches();
    sim.cluster('west').apply(
      deployment({
        name: 'worker',
        namespace: 'team-a',
        labels: { [ID]: 'worker' },
        replicas: 3,
      }),
    );
    const worker = await eventually(async () => {
      const s = (await expectServedFast()).worker;
      return s.desired === 3 && s.ready === 3 ? s : undefined;
    });
    expect(worker.health.status).toBe('Healthy');
    expect(state('west').state).toBe('synced');
  });

  it('does not grow its heap over many reconnects', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const settledHeap = async () => {
      await new Promise(r => setTimeout(r, 100));
      collect();
      return process.memoryUsage().heapUsed;
    };
    const cycle = async () => {
      sim.cluster('east').dropWatches();
      sim.cluster('west').dropWatches();
      await new Promise(r => setTimeout(r, 20));
    };
    // Warm up (first reconnects allocate what later ones reuse).
    for (let i = 0; i < 10; i++) await cycle();
    await waitForState('east', 'synced');
    const before = await settledHeap();
    for (let i = 0; i < 60; i++) await cycle();
    await waitForState('east', 'synced');
    await waitForState('west', 'synced');
    const after = await settledHeap();
    // 60 reconnects of 14 informers in 2 clusters: 1,680 watches reopened.
    expect(after - before).toBeLessThan(2 * 1024 * 1024);
  });

  it('leaks no sockets or timers over many reconnects', async () => {
    const count = () =>
      process.getActiveResourcesInfo().filter(r => r !== 'TTYWrap').length;
    const before = count();
    for (let i = 0; i < 20; i++) {
      sim.cluster('east').dropWatches();
      sim.cluster('west').dropWatches();
      await new Promise(r => setTimeout(r, 50));
    }
    await waitForState('east', 'synced');
    await waitForState('west', 'synced');
    await new Promise(r => setTimeout(r, 200));
    expect(count()).toBeLessThanOrEqual(before + 4);
  });

  it('moves an object to another service when its labels change', async () => {
    const relabel = (id: string) =>
      sim.cluster('east').apply(
        deployment({
          name: 'api-canary',
          namespace: 'team-a',
          labels: { [ID]: id },
        }),
      );
    const canaryOf = async (service: string) => {
      const res = await request(server)
        .get(`/api/fleet/services/component/default/${service}`)
        .expect(200);
      return (res.body as ServiceDetail).clusters
        .find(c => c.cluster === 'east')
        ?.workloads.find(
          w => w.kind === 'Deployment' && w.name === 'api-canary',
        );
    };
    expect(await canaryOf('api')).toBeDefined();
    relabel('worker');
    await eventually(async () =>
      (await canaryOf('worker')) && !(await canaryOf('api')) ? true : undefined,
    );
    relabel('api');
    await eventually(async () =>
      (await canaryOf('api')) && !(await canaryOf('worker')) ? true : undefined,
    );
  });
});
