import type { CronJobProjection, JobProjection } from './projections';
import { jobHealth } from './jobHealth';
import { formatClock, timeOf } from './time';
import type { WorkloadHealth } from './HealthStatus';

/**
 * Options for {@link cronJobHealth}.
 *
 * @public
 */
export interface CronJobHealthOptions {
  /** Used to format times in messages. */
  now: Date;
  /**
   * The most recently created Job owned by the CronJob, when the caller has
   * it. Its outcome decides the health; without it the CronJob's own
   * `lastScheduleTime` / `lastSuccessfulTime` are compared.
   */
  latestJob?: JobProjection;
}

/**
 * Health of a CronJob:
 *
 * 1. `spec.suspend` → Suspended.
 * 2. With the latest Job: failed → Degraded naming the Job and its failure;
 *    running → Progressing; complete → Healthy.
 * 3. Without it: a Job running → Progressing; scheduled but never succeeded,
 *    or last scheduled after the last success with nothing running →
 *    Degraded.
 * 4. Never scheduled yet → Healthy.
 *
 * @public
 */
export function cronJobHealth(
  cronJob: CronJobProjection,
  options: CronJobHealthOptions,
): WorkloadHealth {
  const { now, latestJob } = options;
  const { spec, status } = cronJob;
  const schedule = `schedule "${spec.schedule}"${
    spec.timeZone ? ` ${spec.timeZone}` : ''
  }`;
  if (spec.suspend) {
    return {
      status: 'Suspended',
      message: `CronJob is suspended (${schedule})`,
    };
  }
  const lastSuccess = status.lastSuccessfulTime
    ? `last success ${formatClock(status.lastSuccessfulTime, now)}`
    : 'no successful run yet';
  if (latestJob) {
    const health = jobHealth(latestJob);
    if (health.status === 'Degraded') {
      return {
        status: 'Degraded',
        message: `Last run ${latestJob.name} failed${health.message.replace(
          /^Job failed/,
          '',
        )}; ${lastSuccess}`,
      };
    }
    if (health.status === 'Progressing') {
      return {
        status: 'Progressing',
        message: `Run ${latestJob.name} in progress; ${lastSuccess}`,
      };
    }
    if (health.status === 'Healthy') {
      return {
        status: 'Healthy',
        message: `Last run ${latestJob.name} succeeded (${schedule})`,
      };
    }
  }
  if (status.active > 0) {
    return {
      status: 'Progressing',
      message: `${status.active} ${
        status.active === 1 ? 'job' : 'jobs'
      } running; ${lastSuccess}`,
    };
  }
  if (!status.lastScheduleTime) {
    return {
      status: 'Healthy',
      message: `Not run yet (${schedule})`,
    };
  }
  const scheduled = timeOf(status.lastScheduleTime) ?? 0;
  const succeeded = timeOf(status.lastSuccessfulTime);
  if (succeeded === undefined) {
    return {
      status: 'Degraded',
      message: `Never completed successfully; last scheduled ${formatClock(
        status.lastScheduleTime,
        now,
      )}`,
    };
  }
  if (scheduled > succeeded) {
    return {
      status: 'Degraded',
      message: `Last run (scheduled ${formatClock(
        status.lastScheduleTime,
        now,
      )}) did not succeed; ${lastSuccess}`,
    };
  }
  return {
    status: 'Healthy',
    message: `Last run succeeded ${formatClock(
      status.lastSuccessfulTime ?? status.lastScheduleTime,
      now,
    )} (${schedule})`,
  };
}
