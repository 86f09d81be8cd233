import { ManualClock } from '../ManualClock';
import {
  deployment,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';
import { KubeObject } from '../types';

describe('Kubelet pod lifecycle', () => {
  const clock = new ManualClock();
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture({ clock, podReadyDelayMs: 2000 });
  });
  afterAll(() => f.stop());

  const podState = () => {
    const pod = f.cluster
      .list({ apiVersion: 'v1', kind: 'Pod', namespace: 'default' })
      .find(p => p.metadata.labels?.app === 'probed') as KubeObject;
    const status = pod.status as {
      phase: string;
      conditions?: Array<{ type: string; status: string }>;
      containerStatuses?: Array<{ state: Record<string, { reason?: string }> }>;
    };
    const ready =
      status.conditions?.find(c => c.type === 'Ready')?.status ?? 'none';
    const state = Object.entries(
      status.containerStatuses?.[0]?.state ?? {},
    ).map(([k, v]) => (v.reason ? `${k}:${v.reason}` : k))[0];
    return `${status.phase} ${state} ready=${ready}`;
  };

  it('goes Pending, then Running, then Ready after the readiness probe passes', async () => {
    const d = deployment({ name: 'probed', replicas: 1 });
    const containers = (
      d.spec as {
        template: { spec: { containers: Array<Record<string, unknown>> } };
      }
    ).template.spec.containers;
    containers[0].readinessProbe = { httpGet: { path: '/ready', port: 8080 } };
    f.cluster.apply(d);
    await f.cluster.settled();
    expect(podState()).toBe('Pending waiting:ContainerCreating ready=False');
    clock.advance(2000);
    await f.cluster.settled();
    expect(podState()).toBe('Running running ready=False');
    clock.advance(1000);
    await f.cluster.settled();
    expect(podState()).toBe('Running running ready=True');
  });
});
