import {
  deployment,
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';

describe('PodDisruptionBudgetController', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  it('reports healthy pods and the disruptions allowed', async () => {
    f.cluster.apply(deployment({ name: 'guarded', replicas: 3 }));
    f.cluster.apply({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'guarded', namespace: 'default' },
      spec: {
        minAvailable: '50%',
        selector: { matchLabels: { app: 'guarded' } },
      },
    });
    const status = await eventually(() => {
      const s = f.cluster.get({
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        namespace: 'default',
        name: 'guarded',
      })?.status as Record<string, unknown> | undefined;
      return s?.currentHealthy === 3 ? s : undefined;
    });
    expect(status).toMatchObject({
      expectedPods: 3,
      desiredHealthy: 2,
      disruptionsAllowed: 1,
      conditions: [
        expect.objectContaining({
          type: 'DisruptionAllowed',
          status: 'True',
          reason: 'SufficientPods',
        }),
      ],
    });
    const table = await f.kubectl(['get', 'pdb', 'guarded', '--no-headers']);
    expect(table.stdout).toMatch(/^guarded\s+50%\s+N\/A\s+1\s+/);
  });

  it('lets kubectl drain evict within the budget, and answers 429 beyond it', async () => {
    const drained = await f.kubectl([
      'drain',
      'test-worker-1',
      '--ignore-daemonsets',
      '--timeout=20s',
    ]);
    expect(drained.code).toBe(0);
    expect(drained.stdout).toContain('node/test-worker-1 drained');
    await eventually(() => {
      const pods = f.cluster
        .list({ apiVersion: 'v1', kind: 'Pod', namespace: 'default' })
        .filter(p => p.metadata.labels?.app === 'guarded');
      return (
        pods.length === 3 &&
        pods.every(
          p => (p.spec as { nodeName?: string }).nodeName !== 'test-worker-1',
        )
      );
    });
    f.cluster.apply({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'strict', namespace: 'default' },
      spec: {
        minAvailable: '100%',
        selector: { matchLabels: { app: 'guarded' } },
      },
    });
    await eventually(
      () =>
        (
          f.cluster.get({
            apiVersion: 'policy/v1',
            kind: 'PodDisruptionBudget',
            namespace: 'default',
            name: 'strict',
          })?.status as { expectedPods?: number } | undefined
        )?.expectedPods === 3,
    );
    const victim = f.cluster
      .list({ apiVersion: 'v1', kind: 'Pod', namespace: 'default' })
      .find(p => p.metadata.labels?.app === 'guarded')!;
    const res = await f.request(
      `/api/v1/namespaces/default/pods/${victim.metadata.name}/eviction`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          apiVersion: 'policy/v1',
          kind: 'Eviction',
          metadata: { name: victim.metadata.name, namespace: 'default' },
        }),
      },
    );
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({
      reason: 'TooManyRequests',
      details: { causes: [{ reason: 'DisruptionBudget' }] },
    });
  });
});
