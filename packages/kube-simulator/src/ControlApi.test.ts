import {
  deployment,
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from './__testUtils__/simulatorFixture';

describe('ControlApi', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture({
      clusters: [{ name: 'alpha' }, { name: 'beta' }],
      random: () => 0.5,
    });
  });
  afterAll(() => f.stop());

  const control = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${f.sim.controlUrl}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${init.token ?? 'carepath-embedded-admin'}`,
        'Content-Type': 'application/json',
      },
    });
  const post = (path: string, body?: unknown) =>
    control(path, {
      method: 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('requires the admin token', async () => {
    expect((await fetch(`${f.sim.controlUrl}/clusters`)).status).toBe(401);
    expect(
      (await control('/clusters', { token: 'carepath-embedded-readonly' }))
        .status,
    ).toBe(403);
    const list = await (await control('/clusters')).json();
    expect(
      list.clusters.map(
        (c: { name: string; up: boolean }) => `${c.name}:${c.up}`,
      ),
    ).toEqual(['alpha:true', 'beta:true']);
  });

  it('injects latency and an error rate, answering 500 with a Status', async () => {
    await post('/clusters/alpha/faults', { latencyMs: 150, errorRate: 0.6 });
    const started = Date.now();
    const res = await f.request('/api/v1/namespaces');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({
      kind: 'Status',
      code: 500,
      reason: 'InternalError',
    });
    await post('/clusters/alpha/faults', { latencyMs: 0, errorRate: 0.4 });
    expect((await f.request('/api/v1/namespaces')).status).toBe(200);
    await control('/clusters/alpha/faults', { method: 'DELETE' });
    expect(
      (await post('/clusters/alpha/faults', { errorRate: 2 })).status,
    ).toBe(400);
  });

  it('takes a cluster down and up again on the same port with the same data', async () => {
    f.cluster.apply(deployment({ name: 'survivor' }));
    const url = f.cluster.url;
    await post('/clusters/alpha/down');
    await expect(fetch(`${url}/version`)).rejects.toThrow();
    // The control API keeps working while the cluster is down.
    expect((await (await control('/clusters/alpha')).json()).up).toBe(false);
    await post('/clusters/alpha/up');
    expect(f.cluster.url).toBe(url);
    const d = await f.apps.readNamespacedDeployment({
      name: 'survivor',
      namespace: 'default',
    });
    expect(d.metadata!.name).toBe('survivor');
  });

  it('drops watches and expires history so resumes answer 410', async () => {
    const rv = f.cluster.store.resourceVersion;
    const watch = await f.request(
      `/api/v1/namespaces?watch=1&resourceVersion=${rv}`,
    );
    const reader = watch.body!.getReader();
    await eventually(() => f.cluster.openWatchCount === 1);
    expect(await (await post('/clusters/alpha/drop-watches')).json()).toEqual({
      dropped: 1,
    });
    // The connection is cut, as a network blip would: the stream ends or errors.
    await expect(
      reader.read().then(
        r => r.done,
        () => true,
      ),
    ).resolves.toBe(true);
    await post('/clusters/alpha/expire-history');
    const resumed = await f.request(
      `/api/v1/namespaces?watch=1&resourceVersion=${rv}`,
    );
    expect(await resumed.text()).toContain('"code":410');
  });

  it('sets and clears scenarios', async () => {
    f.cluster.apply(deployment({ name: 'victim', replicas: 1 }));
    const set = await post('/clusters/alpha/scenarios', {
      namespace: 'default',
      kind: 'Deployment',
      name: 'victim',
      scenario: 'crashloop',
    });
    expect(await set.json()).toMatchObject({ scenario: 'crashloop' });
    await eventually(() =>
      f.cluster
        .list({ apiVersion: 'v1', kind: 'Pod', namespace: 'default' })
        .some(p => JSON.stringify(p.status).includes('CrashLoopBackOff')),
    );
    const listed = await (await control('/clusters/alpha/scenarios')).json();
    expect(listed.scenarios).toContainEqual({
      namespace: 'default',
      kind: 'Deployment',
      name: 'victim',
      scenario: 'crashloop',
    });
    await post('/clusters/alpha/scenarios', {
      namespace: 'default',
      kind: 'Deployment',
      name: 'victim',
      scenario: null,
    });
    expect(
      f.cluster.get({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: 'default',
        name: 'victim',
      })?.metadata.annotations?.['carepath.io/simulate'],
    ).toBeUndefined();
    // Kinds can be named as kubectl accepts them.
    const short = await post('/clusters/alpha/scenarios', {
      namespace: 'default',
      kind: 'deploy',
      name: 'victim',
      scenario: 'oom',
    });
    expect((await short.json()).scenario).toBe('oom');
    expect(
      (
        await post('/clusters/alpha/scenarios', {
          namespace: 'default',
          kind: 'Deployment',
          name: 'victim',
          scenario: 'meltdown',
        })
      ).status,
    ).toBe(400);
    expect((await post('/clusters/nope/down')).status).toBe(404);
  });
});
