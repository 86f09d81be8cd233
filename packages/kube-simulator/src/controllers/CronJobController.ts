import { formatTimestamp, TimerHandle } from '../Clock';
import { KubeObject } from '../types';
import { StoredEvent } from '../WatchHub';
import { Controller, keyOf, splitKey } from './Controller';
import { ControllerContext } from './ControllerContext';
import { CronSchedule } from './CronSchedule';
import { jobFinished } from './JobController';

interface CronJobSpec {
  schedule: string;
  suspend?: boolean;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate: {
    metadata?: {
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    };
    spec: Record<string, unknown>;
  };
}

interface CronJobStatus {
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

/**
 * Spawns Jobs from CronJobs on schedule (one timer per CronJob, nothing
 * polls), tracks active jobs, lastScheduleTime and lastSuccessfulTime,
 * honours `suspend` and `concurrencyPolicy`, and prunes job history.
 */
export class CronJobController implements Controller {
  readonly name = 'cronjob-controller';
  private readonly timers = new Map<string, TimerHandle>();
  private readonly seenFinished = new Set<string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly enqueue: (key: string) => void,
  ) {}

  keysFor(event: StoredEvent): string[] {
    if (event.storageKey === 'batch/cronjobs') {
      if (event.type === 'DELETED') {
        this.ctx.cancel(this.timers.get(keyOf(event.object)));
        this.timers.delete(keyOf(event.object));
        return [];
      }
      if (
        event.type === 'MODIFIED' &&
        event.previous?.metadata.generation === event.object.metadata.generation
      )
        return [];
      return [keyOf(event.object)];
    }
    if (event.storageKey === 'batch/jobs') {
      const ref = event.object.metadata.ownerReferences?.find(
        r => r.controller && r.kind === 'CronJob',
      );
      if (!ref) return [];
      if (
        event.type === 'MODIFIED' &&
        Boolean(jobFinished(event.previous!)) ===
          Boolean(jobFinished(event.object))
      )
        return [];
      return [`${event.object.metadata.namespace}/${ref.name}`];
    }
    return [];
  }

  stop(): void {
    for (const t of this.timers.values()) this.ctx.cancel(t);
    this.timers.clear();
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store, clock } = this.ctx;
    const jobType = this.ctx.type('batch/jobs');
    const cronJob = store.get('batch/cronjobs', namespace, name);
    this.ctx.cancel(this.timers.get(key));
    this.timers.delete(key);
    if (!cronJob) return;
    const spec = cronJob.spec as CronJobSpec;
    const previous = (cronJob.status ?? {}) as CronJobStatus;
    const now = clock.now();
    let jobs = this.ctx.owned(cronJob, 'Job');
    let lastScheduleTime = previous.lastScheduleTime;
    let lastSuccessfulTime = previous.lastSuccessfulTime;

    for (const job of jobs) {
      const finished = jobFinished(job);
      const uid = job.metadata.uid ?? '';
      if (finished && !this.seenFinished.has(uid)) {
        this.seenFinished.add(uid);
        this.ctx.events.record({
          involved: cronJob,
          type: 'Normal',
          reason: 'SawCompletedJob',
          message: `Saw completed job: ${job.metadata.name}, condition: ${finished}`,
          component: 'cronjob-controller',
        });
      }
      const completion = (job.status as { completionTime?: string } | undefined)
        ?.completionTime;
      if (
        finished === 'Complete' &&
        completion &&
        (!lastSuccessfulTime || completion > lastSuccessfulTime)
      )
        lastSuccessfulTime = completion;
    }
    const prune = (kind: 'Complete' | 'Failed', limit: number) => {
      const finished = jobs
        .filter(j => jobFinished(j) === kind)
        .sort(
          (a, b) =>
            (a.metadata.creationTimestamp ?? '').localeCompare(
              b.metadata.creationTimestamp ?? '',
            ) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
        );
      for (const job of finished.slice(
        0,
        Math.max(0, finished.length - limit),
      )) {
        store.delete(jobType, namespace, job.metadata.name ?? '');
        this.seenFinished.delete(job.metadata.uid ?? '');
        this.ctx.events.record({
          involved: cronJob,
          type: 'Normal',
          reason: 'SuccessfulDelete',
          message: `Deleted job ${job.metadata.name}`,
          component: 'cronjob-controller',
        });
      }
    };
    prune('Complete', spec.successfulJobsHistoryLimit ?? 3);
    prune('Failed', spec.failedJobsHistoryLimit ?? 1);
    jobs = this.ctx.owned(cronJob, 'Job');

    let schedule: CronSchedule | undefined;
    try {
      schedule = CronSchedule.parse(spec.schedule);
    } catch (error) {
      this.ctx.events.record({
        involved: cronJob,
        type: 'Warning',
        reason: 'UnparseableSchedule',
        message: `unparseable schedule: "${spec.schedule}" : ${
          (error as Error).message
        }`,
        component: 'cronjob-controller',
      });
    }
    if (schedule && !spec.suspend) {
      const since = Date.parse(
        lastScheduleTime ??
          cronJob.metadata.creationTimestamp ??
          formatTimestamp(now),
      );
      let due = schedule.nextAfter(since);
      if (due !== undefined && due <= now) {
        // Only the most recent missed run is started, as the real controller does.
        for (let i = 0; i < 1000; i++) {
          const following = schedule.nextAfter(due);
          if (following === undefined || following > now) break;
          due = following;
        }
        const active = jobs.filter(j => !jobFinished(j));
        const policy = spec.concurrencyPolicy ?? 'Allow';
        if (policy === 'Forbid' && active.length > 0) {
          this.ctx.events.record({
            involved: cronJob,
            type: 'Normal',
            reason: 'JobAlreadyActive',
            message:
              'Not starting job because prior execution is running and concurrency policy is Forbid',
            component: 'cronjob-controller',
          });
        } else {
          if (policy === 'Replace') {
            for (const job of active)
              store.delete(jobType, namespace, job.metadata.name ?? '');
          }
          this.startJob(cronJob, spec, due);
          lastScheduleTime = formatTimestamp(due);
        }
      }
      const next =
        due !== undefined && due > now ? due : schedule.nextAfter(now);
      if (next !== undefined) {
        this.timers.set(
          key,
          this.ctx.after(next - now, () => this.enqueue(key)),
        );
      }
    }
    const activeRefs = this.ctx
      .owned(cronJob, 'Job')
      .filter(j => !jobFinished(j))
      .map(j => ({
        kind: 'Job',
        namespace,
        name: j.metadata.name,
        uid: j.metadata.uid,
        apiVersion: 'batch/v1',
        resourceVersion: j.metadata.resourceVersion,
      }));
    const status: Record<string, unknown> = {
      ...(activeRefs.length ? { active: activeRefs } : {}),
      ...(lastScheduleTime ? { lastScheduleTime } : {}),
      ...(lastSuccessfulTime ? { lastSuccessfulTime } : {}),
    };
    store.update(
      this.ctx.type('batch/cronjobs'),
      { ...store.get('batch/cronjobs', namespace, name)!, status },
      { subresource: 'status' },
    );
  }

  private startJob(
    cronJob: KubeObject,
    spec: CronJobSpec,
    scheduledAt: number,
  ): void {
    const { store } = this.ctx;
    const jobName = `${cronJob.metadata.name}-${Math.floor(
      scheduledAt / 60000,
    )}`;
    if (store.get('batch/jobs', cronJob.metadata.namespace, jobName)) return;
    store.create(this.ctx.type('batch/jobs'), {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace: cronJob.metadata.namespace,
        labels: spec.jobTemplate.metadata?.labels ?? {},
        annotations: {
          ...(spec.jobTemplate.metadata?.annotations ?? {}),
          'batch.kubernetes.io/cronjob-scheduled-timestamp': new Date(
            scheduledAt,
          )
            .toISOString()
            .replace('.000Z', 'Z'),
        },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: cronJob.metadata.name ?? '',
            uid: cronJob.metadata.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: structuredClone(spec.jobTemplate.spec),
    });
    this.ctx.events.record({
      involved: cronJob,
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: `Created job ${jobName}`,
      component: 'cronjob-controller',
    });
  }
}
