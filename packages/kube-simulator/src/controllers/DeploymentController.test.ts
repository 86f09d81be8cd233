import { V1Deployment } from '@kubernetes/client-node';
import {
  deployment,
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';

describe('DeploymentController', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  const read = (name: string) =>
    f.apps.readNamespacedDeployment({ name, namespace: 'default' });
  const condition = (d: V1Deployment, type: string) =>
    d.status?.conditions?.find(c => c.type === type);

  it('creates a ReplicaSet with a pod-template-hash and owner references, and reports status like the real controller', async () => {
    f.cluster.apply(deployment({ name: 'shop', replicas: 3 }));
    const d = await eventually(async () => {
      const live = await read('shop');
      return live.status?.availableReplicas === 3 ? live : undefined;
    });
    expect(d.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    expect(condition(d, 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
    });
    const rs = (
      await f.apps.listNamespacedReplicaSet({
        namespace: 'default',
        labelSelector: 'app=shop',
      })
    ).items;
    expect(rs).toHaveLength(1);
    const hash = rs[0].metadata!.labels!['pod-template-hash'];
    expect(rs[0].metadata!.name).toBe(`shop-${hash}`);
    expect(rs[0].metadata!.ownerReferences![0]).toMatchObject({
      kind: 'Deployment',
      name: 'shop',
      controller: true,
      uid: d.metadata!.uid,
    });
    expect(condition(d, 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "shop-${hash}" has successfully progressed.`,
    });
    const pods = (
      await f.core.listNamespacedPod({
        namespace: 'default',
        labelSelector: `pod-template-hash=${hash}`,
      })
    ).items;
    expect(pods).toHaveLength(3);
    expect(pods[0].metadata!.ownerReferences![0]).toMatchObject({
      kind: 'ReplicaSet',
      name: `shop-${hash}`,
    });
  });

  it('rolls out a template change through a new ReplicaSet and replaces deleted pods', async () => {
    const live = await read('shop');
    live.spec!.template.spec!.containers[0].image =
      'registry.example/app:2.0.0';
    await f.apps.replaceNamespacedDeployment({
      name: 'shop',
      namespace: 'default',
      body: live,
    });
    const done = await eventually(async () => {
      const d = await read('shop');
      return d.status?.observedGeneration === 2 &&
        d.status.updatedReplicas === 3 &&
        d.status.replicas === 3 &&
        d.status.availableReplicas === 3
        ? d
        : undefined;
    });
    expect(
      done.metadata!.annotations!['deployment.kubernetes.io/revision'],
    ).toBe('2');
    const rs = (
      await f.apps.listNamespacedReplicaSet({
        namespace: 'default',
        labelSelector: 'app=shop',
      })
    ).items;
    expect(rs.map(r => r.spec!.replicas).sort()).toEqual([0, 3]);
    const events = (
      await f.core.listNamespacedEvent({
        namespace: 'default',
        fieldSelector: 'involvedObject.name=shop,reason=ScalingReplicaSet',
      })
    ).items;
    expect(events.length).toBeGreaterThanOrEqual(2);
    const [victim] = (
      await f.core.listNamespacedPod({
        namespace: 'default',
        labelSelector: 'app=shop',
      })
    ).items;
    await f.core.deleteNamespacedPod({
      name: victim.metadata!.name!,
      namespace: 'default',
    });
    await eventually(async () => {
      const pods = (
        await f.core.listNamespacedPod({
          namespace: 'default',
          labelSelector: 'app=shop',
        })
      ).items;
      return (
        pods.length === 3 &&
        !pods.some(p => p.metadata!.name === victim.metadata!.name) &&
        pods.every(p => p.status?.phase === 'Running')
      );
    });
  });

  it('rollout-stuck: the new ReplicaSet never becomes ready and Progressing reports ProgressDeadlineExceeded', async () => {
    f.cluster.apply(deployment({ name: 'stuck', replicas: 2 }));
    await eventually(
      async () => (await read('stuck')).status?.availableReplicas === 2,
    );
    f.cluster.setScenario({
      namespace: 'default',
      kind: 'Deployment',
      name: 'stuck',
      scenario: 'rollout-stuck',
    });
    const d = await eventually(async () => {
      const live = await read('stuck');
      return condition(live, 'Progressing')?.status === 'False' &&
        live.status?.updatedReplicas === 1
        ? live
        : undefined;
    });
    const rs = (
      await f.apps.listNamespacedReplicaSet({
        namespace: 'default',
        labelSelector: 'app=stuck',
      })
    ).items;
    const newest = rs.find(
      r =>
        r.metadata!.annotations!['deployment.kubernetes.io/revision'] === '2',
    )!;
    expect(condition(d, 'Progressing')).toMatchObject({
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${
        newest.metadata!.name
      }" has timed out progressing.`,
    });
    expect(condition(d, 'Available')).toMatchObject({ status: 'True' });
    expect(d.status).toMatchObject({
      replicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 1,
    });
  });

  it.each([
    [
      'maxSurge 0, maxUnavailable 1',
      {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
      },
    ],
    [
      'maxSurge 100%',
      {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 },
      },
    ],
    ['Recreate', { type: 'Recreate' }],
  ])('completes a rollout with %s', async (label, strategy) => {
    const name = `strategy-${label
      .replace(/[^a-z0-9]+/gi, '-')
      .toLowerCase()}`.replace(/-+$/, '');
    const base = deployment({ name, replicas: 4 });
    (base.spec as Record<string, unknown>).strategy = strategy;
    f.cluster.apply(base);
    await eventually(
      async () => (await read(name)).status?.availableReplicas === 4,
    );
    const next = deployment({
      name,
      replicas: 4,
      image: 'registry.example/app:9.9.9',
    });
    (next.spec as Record<string, unknown>).strategy = strategy;
    f.cluster.apply(next);
    const done = await eventually(async () => {
      const d = await read(name);
      return d.status?.observedGeneration === 2 &&
        d.status.updatedReplicas === 4 &&
        d.status.replicas === 4 &&
        d.status.availableReplicas === 4
        ? d
        : undefined;
    });
    expect(condition(done, 'Progressing')?.reason).toBe(
      'NewReplicaSetAvailable',
    );
  });
});
