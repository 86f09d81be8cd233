import { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { Scenario } from '../scenarios';
import {
  deployment,
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';

describe('Kubelet failure scenarios', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture({ failureIntervalMs: 40 });
  });
  afterAll(() => f.stop());

  /** Deploys `name` with the scenario on its pod template and returns its pods once `ready` holds. */
  async function podsOf(
    name: string,
    scenario: Scenario,
    ready: (pods: V1Pod[]) => boolean,
  ): Promise<V1Pod[]> {
    f.cluster.apply(
      deployment({
        name,
        replicas: 1,
        image: `registry.example/${name}:2.0.0`,
        templateAnnotations: { 'carepath.io/simulate': scenario },
      }),
    );
    return eventually(async () => {
      const pods = (
        await f.core.listNamespacedPod({
          namespace: 'default',
          labelSelector: `app=${name}`,
        })
      ).items;
      return pods.length > 0 && ready(pods) ? pods : undefined;
    });
  }

  async function warnings(pod: V1Pod): Promise<CoreV1Event[]> {
    const list = await f.core.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: `involvedObject.name=${pod.metadata!.name},type=Warning`,
    });
    return list.items;
  }

  it('crashloop: CrashLoopBackOff, last state Error exit 1, restarts rising, Running but not Ready', async () => {
    const [pod] = await podsOf(
      'crasher',
      'crashloop',
      pods => (pods[0].status?.containerStatuses?.[0].restartCount ?? 0) >= 3,
    );
    const cs = pod.status!.containerStatuses![0];
    expect(pod.status!.phase).toBe('Running');
    expect(cs.ready).toBe(false);
    expect(cs.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cs.state?.waiting?.message).toMatch(
      /^back-off \d+s restarting failed container=app pod=crasher-/,
    );
    expect(cs.lastState?.terminated).toMatchObject({
      reason: 'Error',
      exitCode: 1,
    });
    expect(pod.status!.conditions!.find(c => c.type === 'Ready')).toMatchObject(
      { status: 'False', reason: 'ContainersNotReady' },
    );
    const events = await warnings(pod);
    expect(events.find(e => e.reason === 'BackOff')).toMatchObject({
      type: 'Warning',
      message: expect.stringContaining(
        'Back-off restarting failed container app in pod crasher-',
      ),
    });
    expect(
      events.find(e => e.reason === 'BackOff')?.count ?? 0,
    ).toBeGreaterThanOrEqual(2);
  });

  it('image-pull: Pending with ErrImagePull / ImagePullBackOff naming the image', async () => {
    const [pod] = await podsOf(
      'puller',
      'image-pull',
      pods =>
        pods[0].status?.containerStatuses?.[0].state?.waiting?.reason ===
        'ImagePullBackOff',
    );
    const cs = pod.status!.containerStatuses![0];
    expect(pod.status!.phase).toBe('Pending');
    expect(cs.state!.waiting!.message).toContain(
      'Back-off pulling image "registry.example/puller:2.0.0"',
    );
    const events = await warnings(pod);
    expect(events.map(e => e.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Failed to pull image "registry.example\/puller:2.0.0": rpc error: code = NotFound/,
        ),
        'Error: ErrImagePull',
      ]),
    );
  });

  it('oom: last state OOMKilled exit 137, restarts rising, CrashLoopBackOff in between', async () => {
    const [pod] = await podsOf(
      'hungry',
      'oom',
      pods => (pods[0].status?.containerStatuses?.[0].restartCount ?? 0) >= 2,
    );
    const cs = pod.status!.containerStatuses![0];
    expect(cs.lastState?.terminated).toMatchObject({
      reason: 'OOMKilled',
      exitCode: 137,
    });
    expect(cs.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(pod.status!.phase).toBe('Running');
  });

  it('readiness-failing: Running, container not ready, Ready False and Unhealthy events', async () => {
    const [pod] = await podsOf(
      'unready',
      'readiness-failing',
      pods => pods[0].status?.phase === 'Running',
    );
    const cs = pod.status!.containerStatuses![0];
    expect(cs.ready).toBe(false);
    expect(cs.state?.running).toBeDefined();
    expect(pod.status!.conditions!.find(c => c.type === 'Ready')).toMatchObject(
      {
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [app]',
      },
    );
    const events = await eventually(async () => {
      const list = await warnings(pod);
      return list.some(e => e.reason === 'Unhealthy') ? list : undefined;
    });
    expect(events.find(e => e.reason === 'Unhealthy')).toMatchObject({
      type: 'Warning',
      message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
      source: { component: 'kubelet' },
    });
  });

  it('unschedulable: Pending, PodScheduled False Unschedulable and a FailedScheduling event', async () => {
    const [pod] = await podsOf(
      'greedy',
      'unschedulable',
      pods =>
        pods[0].status?.conditions?.some(c => c.reason === 'Unschedulable') ??
        false,
    );
    expect(pod.status!.phase).toBe('Pending');
    expect(pod.spec!.nodeName).toBeUndefined();
    const message =
      '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    expect(
      pod.status!.conditions!.find(c => c.type === 'PodScheduled'),
    ).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    const events = await warnings(pod);
    expect(events.find(e => e.reason === 'FailedScheduling')).toMatchObject({
      message,
      source: { component: 'default-scheduler' },
    });
  });

  it('healthy pods report the full kubelet status and recover when a scenario is cleared', async () => {
    f.cluster.apply(
      deployment({
        name: 'recover',
        replicas: 1,
        annotations: { 'carepath.io/simulate': 'crashloop' },
      }),
    );
    await eventually(() =>
      f.cluster
        .list({ apiVersion: 'v1', kind: 'Pod', namespace: 'default' })
        .some(
          p =>
            p.metadata.name?.startsWith('recover-') &&
            JSON.stringify(p.status).includes('CrashLoopBackOff'),
        ),
    );
    f.cluster.setScenario({
      namespace: 'default',
      kind: 'Deployment',
      name: 'recover',
      scenario: null,
    });
    const pod = await eventually(async () => {
      const pods = (
        await f.core.listNamespacedPod({
          namespace: 'default',
          labelSelector: 'app=recover',
        })
      ).items;
      return pods[0]?.status?.containerStatuses?.[0].ready
        ? pods[0]
        : undefined;
    });
    expect(pod.status).toMatchObject({
      phase: 'Running',
      hostIP: expect.any(String),
      podIP: expect.stringMatching(/^10\.244\./),
      qosClass: 'BestEffort',
    });
    expect(pod.status!.conditions!.map(c => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(
      pod.status!.containerStatuses![0].restartCount,
    ).toBeGreaterThanOrEqual(1);
  });

  it('keeps pods Pending while every node is cordoned, and schedules them when one is back', async () => {
    for (const node of ['test-worker-1', 'test-worker-2', 'test-worker-3']) {
      expect((await f.kubectl(['cordon', node])).code).toBe(0);
    }
    f.cluster.apply(deployment({ name: 'waiting', replicas: 1 }));
    const pending = await eventually(async () => {
      const pods = (
        await f.core.listNamespacedPod({
          namespace: 'default',
          labelSelector: 'app=waiting',
        })
      ).items;
      return pods[0]?.status?.conditions?.some(
        c => c.reason === 'Unschedulable',
      )
        ? pods[0]
        : undefined;
    });
    expect(
      pending.status!.conditions!.find(c => c.type === 'PodScheduled')?.message,
    ).toContain('3 node(s) were unschedulable');
    await f.kubectl(['uncordon', 'test-worker-2']);
    const running = await eventually(async () => {
      const pods = (
        await f.core.listNamespacedPod({
          namespace: 'default',
          labelSelector: 'app=waiting',
        })
      ).items;
      return pods[0]?.status?.phase === 'Running' ? pods[0] : undefined;
    });
    expect(running.spec!.nodeName).toBe('test-worker-2');
  });
});
