import {
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';

describe('DaemonSetController', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  it('runs one pod per simulated node and reports the counts', async () => {
    f.cluster.apply({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          metadata: { labels: { app: 'agent' } },
          spec: {
            containers: [{ name: 'agent', image: 'registry.example/agent:1' }],
          },
        },
      },
    });
    const ds = await eventually(async () => {
      const d = await f.apps.readNamespacedDaemonSet({
        name: 'agent',
        namespace: 'default',
      });
      return d.status?.numberReady === 3 ? d : undefined;
    });
    expect(ds.status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
      numberMisscheduled: 0,
    });
    const pods = (
      await f.core.listNamespacedPod({
        namespace: 'default',
        labelSelector: 'app=agent',
      })
    ).items;
    expect(new Set(pods.map(p => p.spec!.nodeName)).size).toBe(3);
    const nodes = (await f.core.listNode()).items.map(n => n.metadata!.name);
    expect(nodes).toEqual(['test-worker-1', 'test-worker-2', 'test-worker-3']);
  });
});
