import {
  deployment,
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from './__testUtils__/simulatorFixture';

describe('pod logs', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture({ failureIntervalMs: 30 });
    f.cluster.apply(deployment({ name: 'talker', replicas: 1 }));
    f.cluster.apply(
      deployment({
        name: 'crasher',
        replicas: 1,
        annotations: { 'carepath.io/simulate': 'crashloop' },
      }),
    );
    f.cluster.apply(
      deployment({
        name: 'puller',
        replicas: 1,
        annotations: { 'carepath.io/simulate': 'unschedulable' },
      }),
    );
    await f.cluster.settled();
  });
  afterAll(() => f.stop());

  const podName = (app: string) =>
    f.cluster
      .list({ apiVersion: 'v1', kind: 'Pod', namespace: 'default' })
      .find(p => p.metadata.labels?.app === app)!.metadata.name!;

  it('serves request logs of a running container to kubectl and client-node', async () => {
    const result = await f.kubectl([
      'logs',
      'deploy/talker',
      '--tail=2',
      '--timestamps',
    ]);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z \{"level":"(info|warn)","service":"app","msg":"request completed"/,
    );
    const text = await f.core.readNamespacedPodLog({
      name: podName('talker'),
      namespace: 'default',
      tailLines: 1,
    });
    expect(text.trim().split('\n')).toHaveLength(1);
  });

  it('serves the last words of a crashed container with --previous', async () => {
    await eventually(() =>
      JSON.stringify(
        f.cluster.list({ apiVersion: 'v1', kind: 'Pod', namespace: 'default' }),
      ).includes('CrashLoopBackOff'),
    );
    const result = await f.kubectl(['logs', podName('crasher'), '--previous']);
    expect(result.stdout).toContain('"level":"fatal"');
  });

  it('answers 400 for a container that has not started, as the real API does', async () => {
    const res = await f.request(
      `/api/v1/namespaces/default/pods/${podName('puller')}/log`,
    );
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(
      /^container "app" in pod "puller-\w+-\w+" is waiting to start/,
    );
  });
});
