import { V1Job } from '@kubernetes/client-node';
import {
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';
import { KubeObject } from '../types';

const job = (
  name: string,
  annotations?: Record<string, string>,
): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default' },
  spec: {
    backoffLimit: 1,
    template: {
      metadata: annotations ? { annotations } : {},
      spec: {
        restartPolicy: 'Never',
        containers: [{ name: 'task', image: 'registry.example/task:1' }],
      },
    },
  },
});

describe('JobController', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  const finished = (name: string, type: string) =>
    eventually(async () => {
      const j: V1Job = (await f.objects.read({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name, namespace: 'default' },
      })) as V1Job;
      return j.status?.conditions?.some(
        c => c.type === type && c.status === 'True',
      )
        ? j
        : undefined;
    });

  it('completes with succeeded and the Complete condition', async () => {
    f.cluster.apply(job('ok'));
    const j = await finished('ok', 'Complete');
    expect(j.status).toMatchObject({
      succeeded: 1,
      startTime: expect.any(Date),
      completionTime: expect.any(Date),
    });
    expect(
      j.status!.conditions!.find(c => c.type === 'Complete'),
    ).toMatchObject({ reason: 'CompletionsReached' });
    const pods = (
      await f.core.listNamespacedPod({
        namespace: 'default',
        labelSelector: 'job-name=ok',
      })
    ).items;
    expect(pods[0].status!.phase).toBe('Succeeded');
    expect(
      pods[0].status!.containerStatuses![0].state!.terminated,
    ).toMatchObject({ reason: 'Completed', exitCode: 0 });
  });

  it('fails with BackoffLimitExceeded once failures pass the backoff limit', async () => {
    f.cluster.apply(job('bad', { 'carepath.io/simulate': 'crashloop' }));
    const j = await finished('bad', 'Failed');
    expect(j.status!.failed).toBe(2);
    expect(j.status!.conditions!.find(c => c.type === 'Failed')).toMatchObject({
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
  });
});
