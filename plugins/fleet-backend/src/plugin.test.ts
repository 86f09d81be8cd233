import type { KubeSimulator } from '@carepath/kube-simulator';
import type {
  ClusterState,
  ServiceDetail,
  ServiceListResponse,
} from '@carepath/plugin-fleet-common';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  component,
  deployment,
  eventually,
  kubernetesConfig,
  namespace,
  startTestSimulator,
} from './__testUtils__/fleetTestBed';
import { startFleetBackend } from './__testUtils__/startFleetBackend';

const ID = 'backstage.io/kubernetes-id';

describe('fleet plugin', () => {
  let sim: KubeSimulator;
  let fleet: Awaited<ReturnType<typeof startFleetBackend>>;

  beforeAll(async () => {
    sim = await startTestSimulator();
    for (const name of ['east', 'west']) {
      const c = sim.cluster(name);
      c.apply(namespace('team-a'));
      c.apply(namespace('team-b'));
      c.apply(
        deployment({
          name: 'billing',
          namespace: 'team-a',
          labels: { [ID]: 'billing' },
        }),
      );
      c.apply(
        deployment({
          name: 'intake',
          namespace: 'team-b',
          labels: { tier: 'front', product: 'intake' },
        }),
      );
      c.apply(deployment({ name: 'orphan', namespace: 'team-b', labels: {} }));
    }
    sim.cluster('west').apply(
      deployment({
        name: 'billing',
        namespace: 'team-b',
        labels: { [ID]: 'billing' },
      }),
    );
    fleet = await startFleetBackend({
      config: {
        kubernetes: kubernetesConfig(sim),
        fleet: { requestTimeout: { seconds: 2 } },
      },
      entities: [
        component({
          name: 'billing',
          annotations: { [ID]: 'billing' },
          system: 'payments',
        }),
        component({
          name: 'billing-east-a',
          annotations: {
            [ID]: 'billing',
            'backstage.io/kubernetes-namespace': 'team-a',
            'backstage.io/kubernetes-cluster': 'east',
          },
          owner: 'team-b',
        }),
        component({
          name: 'intake',
          annotations: {
            'backstage.io/kubernetes-label-selector':
              'tier=front,product in (intake)',
          },
          lifecycle: 'experimental',
        }),
        component({ name: 'ghost', annotations: { [ID]: 'ghost' } }),
        component({ name: 'no-k8s', annotations: {} }),
      ],
    });
    await eventually(
      async () => {
        const res = await request(fleet.server).get('/api/fleet/services');
        const billing = (res.body as ServiceListResponse).items.find(
          s => s.name === 'billing',
        );
        return billing?.health.status === 'Healthy' && billing.ready === 6
          ? true
          : undefined;
      },
      { what: 'billing healthy in both clusters' },
    );
  });

  afterAll(async () => {
    await fleet?.backend.stop();
    await sim?.stop();
  });

  const services = async (query = '') =>
    (await request(fleet.server).get(`/api/fleet/services${query}`).expect(200))
      .body as ServiceListResponse;

  it('maps services by id, label selector, namespace and cluster', async () => {
    const body = await services('?sort=name');
    expect(body.items.map(s => s.name)).toEqual([
      'billing',
      'billing-east-a',
      'ghost',
      'intake',
    ]);
    const byName = Object.fromEntries(body.items.map(s => [s.name, s]));
    expect(byName.billing.desired).toBe(6);
    expect(byName['billing-east-a'].desired).toBe(2);
    expect(byName['billing-east-a'].clusters.map(c => c.cluster)).toEqual([
      'east',
    ]);
    expect(byName.intake.desired).toBe(4);
    expect(byName.ghost.health.status).toBe('Missing');
    expect(byName.billing.system).toBe('payments');
  });

  it('lists workloads no service claims', async () => {
    const res = await request(fleet.server)
      .get('/api/fleet/unregistered')
      .expect(200);
    const names = res.body.items.map(
      (w: { cluster: string; name: string }) => `${w.cluster}/${w.name}`,
    );
    expect(names).toEqual(['east/orphan', 'west/orphan']);
  });

  it('serves a service in depth and its compliance observations', async () => {
    const detail = (
      await request(fleet.server)
        .get('/api/fleet/services/component/default/billing')
        .expect(200)
    ).body as ServiceDetail;
    expect(detail.clusters).toHaveLength(2);
    expect(detail.clusters[0].pods.length).toBeGreaterThan(0);
    const obs = await request(fleet.server)
      .get('/api/fleet/services/component/default/billing/observations')
      .expect(200);
    const east = obs.body.items.find(
      (i: { cluster: string }) => i.cluster === 'east',
    );
    const workload = east.objects.find(
      (o: { kind: string }) => o.kind === 'Deployment',
    );
    const container = workload.spec.template.spec.containers[0];
    expect(container).toEqual({
      name: 'main',
      image: 'registry.example/billing:1.0.0',
      resources: { requests: { cpu: '100m' }, limits: { memory: '256Mi' } },
      readinessProbe: {},
    });
    expect(workload.spec.template.spec.serviceAccountName).toBe('billing');
  });

  it('shows a crash loop as Degraded with the reason', async () => {
    const detail = async () =>
      (
        await request(fleet.server)
          .get('/api/fleet/services/component/default/billing')
          .expect(200)
      ).body as ServiceDetail;
    // Served (and kept) before the change: the change must still show.
    expect((await detail()).health.status).toBe('Healthy');
    sim.cluster('east').setScenario({
      kind: 'Deployment',
      namespace: 'team-a',
      name: 'billing',
      scenario: 'crashloop',
    });
    const started = Date.now();
    const billing = await eventually(
      async () => {
        const s = (await services('?q=billing')).items.find(
          i => i.name === 'billing',
        );
        return s?.health.status === 'Degraded' ? s : undefined;
      },
      { what: 'billing degraded' },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(billing.health.message).toMatch(/east: .*CrashLoopBackOff/);
    const east = await eventually(
      async () => {
        const d = (await detail()).clusters.find(c => c.cluster === 'east');
        return d?.status === 'Degraded' && d.events.length > 0 ? d : undefined;
      },
      { what: 'billing detail degraded with events' },
    );
    expect(east.pods.some(p => p.reasons.length > 0)).toBe(true);
    expect(east.events[0].type).toBe('Warning');
    await eventually(
      () =>
        fleet.signals.some(s => s.channel === 'carepath-fleet')
          ? true
          : undefined,
      { what: 'a fleet signal' },
    );
    sim.cluster('east').setScenario({
      kind: 'Deployment',
      namespace: 'team-a',
      name: 'billing',
      scenario: null,
    });
  });

  it('filters, sorts and pages', async () => {
    expect(
      (await services('?lifecycle=experimental')).items.map(s => s.name),
    ).toEqual(['intake']);
    expect(
      (await services('?owner=team-b&owner=nobody')).items.map(s => s.name),
    ).toEqual(['billing-east-a']);
    expect((await services('?health=Missing')).items.map(s => s.name)).toEqual([
      'ghost',
    ]);
    const page = await services('?sort=name&order=desc&offset=1&limit=2');
    expect(page.items.map(s => s.name)).toEqual(['ghost', 'billing-east-a']);
    expect(page.totalItems).toBe(4);
    expect(
      (await services('?cluster=west')).items.map(s => s.name).sort(),
    ).toEqual(['billing', 'intake']);
  });

  it('rejects bad input with messages that name the field', async () => {
    const bad = async (query: string) =>
      (
        await request(fleet.server)
          .get(`/api/fleet/services${query}`)
          .expect(400)
      ).body.error.message;
    expect(await bad('?health=Purple')).toMatch(
      /health .*Purple.*Healthy, Suspended/,
    );
    expect(await bad('?limit=5001')).toMatch(/limit must be at most 5000/);
    expect(await bad('?sort=colour')).toMatch(/sort/);
    expect(await bad('?dataClassification=secret')).toMatch(
      /dataClassification "secret".*phi, pii, internal, public/,
    );
    expect(await bad('?health=Healthy&health=Sad')).toMatch(/health "Sad"/);
    expect(await bad('?cluster=nowhere')).toMatch(
      /cluster "nowhere": known clusters are east, west/,
    );
    expect(await bad('?limit=99999999999')).toMatch(/at most 5000/);
    expect(await bad('?offset=-1')).toMatch(/offset must be a whole number/);
    expect(await bad('?colour=red')).toMatch(/Unknown query parameter colour/);
    const unregistered = await request(fleet.server)
      .get('/api/fleet/unregistered?limit=100000')
      .expect(400);
    expect(unregistered.body.error.message).toMatch(
      /limit must be at most 5000/,
    );
    const observations = await request(fleet.server)
      .get('/api/fleet/services/component/default/nope/observations')
      .expect(404);
    expect(observations.body.error.message).toMatch(/component:default\/nope/);
    const missing = await request(fleet.server)
      .get('/api/fleet/services/component/default/nope')
      .expect(404);
    expect(missing.body.error.message).toMatch(/component:default\/nope/);
  });

  it('reports cluster states', async () => {
    const res = await request(fleet.server)
      .get('/api/fleet/clusters')
      .expect(200);
    const states = res.body.items as ClusterState[];
    expect(states.map(s => [s.name, s.state])).toEqual([
      ['east', 'synced'],
      ['west', 'synced'],
    ]);
    expect(states[0].resourceCounts.Deployment).toBe(3);
  });

  it('streams changes as server-sent events', async () => {
    const { port } = fleet.server.address() as AddressInfo;
    const received: string[] = [];
    const req = http.get(`http://127.0.0.1:${port}/api/fleet/events`, res =>
      res.on('data', chunk => received.push(String(chunk))),
    );
    await eventually(() => (received.length > 0 ? true : undefined));
    sim.cluster('west').apply(
      deployment({
        name: 'intake',
        namespace: 'team-b',
        labels: { tier: 'front', product: 'intake' },
        replicas: 3,
      }),
    );
    const text = await eventually(() => {
      const all = received.join('');
      return all.includes('"name":"intake"') ? all : undefined;
    });
    expect(text).toMatch(
      /event: service.updated\ndata: \{"type":"service.updated"/,
    );
    req.destroy();
  });
});
