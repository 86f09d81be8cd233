import type { JobProjection } from './projections';
import type { WorkloadHealth } from './HealthStatus';

function trueCondition(job: JobProjection, type: string) {
  return job.status.conditions.find(
    c => c.type === type && c.status === 'True',
  );
}

function counts(job: JobProjection): string {
  const { active, succeeded, failed } = job.status;
  return `${active} active, ${succeeded} succeeded, ${failed} failed (backoff limit ${job.spec.backoffLimit})`;
}

/**
 * Health of a Job, following Argo CD's rules:
 *
 * 1. `Failed` condition True (or `FailureTarget`, set while failed pods are
 *    still terminating) → Degraded with the condition's reason and message
 *    (`BackoffLimitExceeded`, `DeadlineExceeded`, `PodFailurePolicy`, ...).
 * 2. `Complete` condition True → Healthy.
 * 3. `spec.suspend` or `Suspended` condition True → Suspended.
 * 4. Otherwise Progressing, with the active/succeeded/failed pod counts.
 *
 * @public
 */
export function jobHealth(job: JobProjection): WorkloadHealth {
  const failed =
    trueCondition(job, 'Failed') ?? trueCondition(job, 'FailureTarget');
  if (failed) {
    return {
      status: 'Degraded',
      message: `Job failed${failed.reason ? ` (${failed.reason})` : ''}${
        failed.message ? `: ${failed.message}` : ''
      }; ${job.status.failed} failed ${
        job.status.failed === 1 ? 'pod' : 'pods'
      }, backoff limit ${job.spec.backoffLimit}`,
    };
  }
  const complete =
    trueCondition(job, 'Complete') ?? trueCondition(job, 'SuccessCriteriaMet');
  if (complete) {
    return {
      status: 'Healthy',
      message: `Completed${
        job.status.completionTime ? ` at ${job.status.completionTime}` : ''
      }: ${job.status.succeeded} succeeded${
        job.status.failed > 0 ? `, ${job.status.failed} failed attempts` : ''
      }`,
    };
  }
  const suspended = trueCondition(job, 'Suspended');
  if (job.spec.suspend || suspended) {
    return {
      status: 'Suspended',
      message: `Job is suspended${
        suspended?.message ? `: ${suspended.message}` : ''
      }`,
    };
  }
  return { status: 'Progressing', message: `Job running: ${counts(job)}` };
}
