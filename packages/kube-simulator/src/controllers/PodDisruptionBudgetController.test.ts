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
});
