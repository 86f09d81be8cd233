import { jobHealth } from './jobHealth';
import { projectJob } from './projectObjects';
import complete from './__fixtures__/job-complete.json';
import failed from './__fixtures__/job-failed.json';
import deadlineExceeded from './__fixtures__/job-deadline-exceeded.json';
import running from './__fixtures__/job-running.json';
import suspended from './__fixtures__/job-suspended.json';

describe('jobHealth', () => {
  it.each([
    [
      'job-complete',
      complete,
      'Healthy',
      'Completed at 2025-11-23T02:07:41Z: 1 succeeded',
    ],
    [
      'job-failed',
      failed,
      'Degraded',
      'Job failed (BackoffLimitExceeded): Job has reached the specified backoff limit; 4 failed pods, backoff limit 3',
    ],
    [
      'job-deadline-exceeded',
      deadlineExceeded,
      'Degraded',
      'Job failed (DeadlineExceeded): Job was active longer than specified deadline; 1 failed pod, backoff limit 3',
    ],
    [
      'job-running',
      running,
      'Progressing',
      'Job running: 1 active, 0 succeeded, 1 failed (backoff limit 3)',
    ],
    [
      'job-suspended',
      suspended,
      'Suspended',
      'Job is suspended: Job suspended',
    ],
  ])('%s', (_name, fixture, status, message) => {
    expect(jobHealth(projectJob(fixture))).toEqual({ status, message });
  });

  it('reports a job that is still terminating failed pods as Degraded', () => {
    const job = projectJob(failed);
    job.status.conditions = job.status.conditions.filter(
      c => c.type === 'FailureTarget',
    );
    expect(jobHealth(job).status).toBe('Degraded');
  });
});
