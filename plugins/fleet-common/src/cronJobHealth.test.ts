import { cronJobHealth } from './cronJobHealth';
import { projectCronJob, projectJob } from './projectObjects';
import suspended from './__fixtures__/cronjob-suspended.json';
import healthy from './__fixtures__/cronjob-healthy.json';
import neverScheduled from './__fixtures__/cronjob-never-scheduled.json';
import lastRunFailed from './__fixtures__/cronjob-last-run-failed.json';
import neverSucceeded from './__fixtures__/cronjob-never-succeeded.json';
import running from './__fixtures__/cronjob-running.json';
import jobFailed from './__fixtures__/job-failed.json';
import jobComplete from './__fixtures__/job-complete.json';
import jobRunning from './__fixtures__/job-running.json';

const now = new Date('2025-11-24T14:10:00Z');

describe('cronJobHealth', () => {
  it.each([
    [
      'cronjob-suspended',
      suspended,
      'Suspended',
      'CronJob is suspended (schedule "0 2 * * *" Etc/UTC)',
    ],
    [
      'cronjob-healthy',
      healthy,
      'Healthy',
      'Last run succeeded 02:06 UTC (schedule "0 2 * * *" Etc/UTC)',
    ],
    [
      'cronjob-never-scheduled',
      neverScheduled,
      'Healthy',
      'Not run yet (schedule "0 2 * * *" Etc/UTC)',
    ],
    [
      'cronjob-last-run-failed',
      lastRunFailed,
      'Degraded',
      'Last run (scheduled 02:00 UTC) did not succeed; last success 2025-11-23 02:07 UTC',
    ],
    [
      'cronjob-never-succeeded',
      neverSucceeded,
      'Degraded',
      'Never completed successfully; last scheduled 02:00 UTC',
    ],
    [
      'cronjob-running',
      running,
      'Progressing',
      '1 job running; last success 02:06 UTC',
    ],
  ])('%s', (_name, fixture, status, message) => {
    expect(cronJobHealth(projectCronJob(fixture), { now })).toEqual({
      status,
      message,
    });
  });

  it.each([
    [
      'job-failed',
      lastRunFailed,
      jobFailed,
      'Degraded',
      'Last run claims-export-29399160 failed (BackoffLimitExceeded): Job has reached the specified backoff limit; 4 failed pods, backoff limit 3; last success 2025-11-23 02:07 UTC',
    ],
    [
      'job-complete',
      healthy,
      jobComplete,
      'Healthy',
      'Last run claims-export-29397720 succeeded (schedule "0 2 * * *" Etc/UTC)',
    ],
    [
      'job-running',
      running,
      jobRunning,
      'Progressing',
      'Run claims-export-29399880 in progress; last success 02:06 UTC',
    ],
  ])('with latest job %s', (_name, cronJob, job, status, message) => {
    expect(
      cronJobHealth(projectCronJob(cronJob), {
        now,
        latestJob: projectJob(job),
      }),
    ).toEqual({ status, message });
  });

  it('stays Suspended whatever the latest job did', () => {
    expect(
      cronJobHealth(projectCronJob(suspended), {
        now,
        latestJob: projectJob(jobFailed),
      }).status,
    ).toBe('Suspended');
  });
});
