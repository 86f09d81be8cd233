import {
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';
import { KubeObject } from '../types';

const statefulSet = (image: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'default' },
  spec: {
    replicas: 3,
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: {
      metadata: { labels: { app: 'db' } },
      spec: { containers: [{ name: 'db', image }] },
    },
  },
});

describe('StatefulSetController', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  it('creates ordered pods and rolls a template change with revisions', async () => {
    f.cluster.apply(statefulSet('registry.example/db:1'));
    const first = await eventually(async () => {
      const s = await f.apps.readNamespacedStatefulSet({
        name: 'db',
        namespace: 'default',
      });
      return s.status?.readyReplicas === 3 ? s : undefined;
    });
    const pods = (
      await f.core.listNamespacedPod({
        namespace: 'default',
        labelSelector: 'app=db',
      })
    ).items;
    expect(pods.map(p => p.metadata!.name)).toEqual(['db-0', 'db-1', 'db-2']);
    expect(
      pods[1].metadata!.labels!['statefulset.kubernetes.io/pod-name'],
    ).toBe('db-1');
    expect(first.status!.currentRevision).toBe(first.status!.updateRevision);
    f.cluster.apply(statefulSet('registry.example/db:2'));
    const rolled = await eventually(async () => {
      const s = await f.apps.readNamespacedStatefulSet({
        name: 'db',
        namespace: 'default',
      });
      return s.status?.updatedReplicas === 3 && s.status.readyReplicas === 3
        ? s
        : undefined;
    });
    expect(rolled.status!.updateRevision).not.toBe(
      first.status!.updateRevision,
    );
    expect(rolled.status!.currentRevision).toBe(rolled.status!.updateRevision);
    expect(rolled.status!.observedGeneration).toBe(2);
  });

  it('rollout-stuck: the updated pod never becomes ready and the rollout stops there', async () => {
    f.cluster.setScenario({
      namespace: 'default',
      kind: 'StatefulSet',
      name: 'db',
      scenario: 'rollout-stuck',
    });
    const stuck = await eventually(async () => {
      const s = await f.apps.readNamespacedStatefulSet({
        name: 'db',
        namespace: 'default',
      });
      return s.status?.updatedReplicas === 1 && s.status.readyReplicas === 2
        ? s
        : undefined;
    });
    expect(stuck.status!.currentRevision).not.toBe(
      stuck.status!.updateRevision,
    );
    const pods = (
      await f.core.listNamespacedPod({
        namespace: 'default',
        labelSelector: 'app=db',
      })
    ).items;
    const notReady = pods.filter(
      p =>
        !p.status?.conditions?.some(
          c => c.type === 'Ready' && c.status === 'True',
        ),
    );
    expect(notReady.map(p => p.metadata!.name)).toEqual(['db-2']);
  });
});
