import { ManualClock } from '../ManualClock';
import {
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';
import { KubeObject } from '../types';

const cronJob = (suspend = false): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'nightly', namespace: 'default' },
  spec: {
    schedule: '*/5 * * * *',
    suspend,
    jobTemplate: {
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'run', image: 'registry.example/batch:1' }],
          },
        },
      },
    },
  },
});

describe('CronJobController', () => {
  const clock = new ManualClock({ start: Date.parse('2026-03-01T10:01:00Z') });
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture({ clock, jobDurationMs: 1000 });
  });
  afterAll(() => f.stop());

  const jobs = () =>
    f.cluster.list({
      apiVersion: 'batch/v1',
      kind: 'Job',
      namespace: 'default',
    });
  const status = () =>
    f.cluster.get({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      namespace: 'default',
      name: 'nightly',
    })?.status as Record<string, unknown> | undefined;

  it('spawns jobs on schedule and records lastScheduleTime and lastSuccessfulTime', async () => {
    f.cluster.apply(cronJob());
    await f.cluster.settled();
    expect(jobs()).toHaveLength(0);
    clock.advance(4 * 60_000);
    await f.cluster.settled();
    const [first] = await eventually(() =>
      jobs().length === 1 ? jobs() : undefined,
    );
    expect(first.metadata.name).toBe(
      `nightly-${Date.parse('2026-03-01T10:05:00Z') / 60_000}`,
    );
    expect(status()).toMatchObject({
      lastScheduleTime: '2026-03-01T10:05:00Z',
      active: [expect.objectContaining({ name: first.metadata.name })],
    });
    clock.advance(2000);
    await eventually(async () => {
      await f.cluster.settled();
      return (
        status()?.lastSuccessfulTime !== undefined &&
        status()?.active === undefined
      );
    });
  });

  it('does nothing while suspended', async () => {
    f.cluster.apply(cronJob(true));
    await f.cluster.settled();
    clock.advance(15 * 60_000);
    await f.cluster.settled();
    expect(jobs()).toHaveLength(1);
  });
});
