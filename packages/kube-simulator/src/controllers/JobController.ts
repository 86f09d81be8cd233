import { formatTimestamp } from '../Clock';
import { randomSuffix } from '../ObjectStore';
import { KubeObject } from '../types';
import { StoredEvent } from '../WatchHub';
import { Condition, setCondition } from './conditions';
import { Controller, splitKey } from './Controller';
import { ControllerContext } from './ControllerContext';
import { podOwnerKeys } from './podOwnerKeys';
import { newPodFromTemplate, podIsReady, PodTemplate } from './pods';

interface JobSpec {
  parallelism?: number;
  completions?: number;
  backoffLimit?: number;
  suspend?: boolean;
  template: PodTemplate;
}

interface JobStatus {
  startTime?: string;
  completionTime?: string;
  active?: number;
  ready?: number;
  succeeded?: number;
  failed?: number;
  conditions?: Condition[];
}

const phaseOf = (pod: KubeObject) =>
  (pod.status as { phase?: string } | undefined)?.phase;

/** Whether a Job has finished, and how. */
export function jobFinished(
  job: KubeObject,
): 'Complete' | 'Failed' | undefined {
  const conditions = ((job.status as JobStatus | undefined)?.conditions ??
    []) as Condition[];
  if (conditions.some(c => c.type === 'Complete' && c.status === 'True'))
    return 'Complete';
  if (conditions.some(c => c.type === 'Failed' && c.status === 'True'))
    return 'Failed';
  return undefined;
}

/**
 * Runs Jobs to completion: creates pods up to `parallelism`, counts
 * succeeded and failed pods, and sets Complete, or Failed with
 * BackoffLimitExceeded once failures pass `backoffLimit`.
 */
export class JobController implements Controller {
  readonly name = 'job-controller';

  constructor(private readonly ctx: ControllerContext) {}

  keysFor(event: StoredEvent): string[] {
    return podOwnerKeys(event, {
      storageKey: 'batch/jobs',
      kind: 'Job',
      podChanged: (previous, current) =>
        phaseOf(previous) !== phaseOf(current) ||
        podIsReady(previous) !== podIsReady(current),
    });
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const podType = this.ctx.type('/pods');
    const job = store.get('batch/jobs', namespace, name);
    if (!job) return;
    const spec = job.spec as JobSpec;
    const previous = (job.status ?? {}) as JobStatus;
    if (jobFinished(job)) return;
    const now = formatTimestamp(this.ctx.clock.now());
    const pods = this.ctx.owned(job, 'Pod');
    const succeeded = pods.filter(p => phaseOf(p) === 'Succeeded').length;
    const failed = pods.filter(p => phaseOf(p) === 'Failed').length;
    let active = pods.filter(
      p => phaseOf(p) !== 'Succeeded' && phaseOf(p) !== 'Failed',
    );
    const completions = spec.completions ?? 1;
    const backoffLimit = spec.backoffLimit ?? 6;
    let conditions = previous.conditions ?? [];
    let completionTime: string | undefined;
    if (succeeded >= completions) {
      const message = 'Reached expected number of succeeded pods';
      conditions = setCondition(
        conditions,
        {
          type: 'SuccessCriteriaMet',
          status: 'True',
          reason: 'CompletionsReached',
          message,
          lastProbeTime: now,
        },
        now,
      );
      conditions = setCondition(
        conditions,
        {
          type: 'Complete',
          status: 'True',
          reason: 'CompletionsReached',
          message,
          lastProbeTime: now,
        },
        now,
      );
      completionTime = now;
      this.ctx.events.record({
        involved: job,
        type: 'Normal',
        reason: 'Completed',
        message: 'Job completed',
        component: 'job-controller',
      });
    } else if (failed > backoffLimit) {
      const message = 'Job has reached the specified backoff limit';
      conditions = setCondition(
        conditions,
        {
          type: 'FailureTarget',
          status: 'True',
          reason: 'BackoffLimitExceeded',
          message,
          lastProbeTime: now,
        },
        now,
      );
      conditions = setCondition(
        conditions,
        {
          type: 'Failed',
          status: 'True',
          reason: 'BackoffLimitExceeded',
          message,
          lastProbeTime: now,
        },
        now,
      );
      for (const pod of active)
        store.delete(podType, namespace, pod.metadata.name ?? '');
      active = [];
      this.ctx.events.record({
        involved: job,
        type: 'Warning',
        reason: 'BackoffLimitExceeded',
        message,
        component: 'job-controller',
      });
    } else if (!spec.suspend) {
      const wanted =
        Math.min(spec.parallelism ?? 1, completions - succeeded) -
        active.length;
      for (let i = 0; i < wanted; i++) {
        const pod = store.create(
          podType,
          newPodFromTemplate({
            template: spec.template,
            owner: job,
            name: `${name}-${randomSuffix()}`,
            labels: {
              'batch.kubernetes.io/controller-uid': job.metadata.uid ?? '',
              'batch.kubernetes.io/job-name': name,
              'controller-uid': job.metadata.uid ?? '',
              'job-name': name,
            },
          }),
        );
        active.push(pod);
        this.ctx.events.record({
          involved: job,
          type: 'Normal',
          reason: 'SuccessfulCreate',
          message: `Created pod: ${pod.metadata.name}`,
          component: 'job-controller',
        });
      }
    }
    const status: Record<string, unknown> = {
      startTime: previous.startTime ?? now,
      ...(completionTime ? { completionTime } : {}),
      ...(active.length ? { active: active.length } : {}),
      ready: active.filter(podIsReady).length,
      ...(succeeded ? { succeeded } : {}),
      ...(failed ? { failed } : {}),
      terminating: 0,
      uncountedTerminatedPods: {},
      ...(conditions.length ? { conditions } : {}),
    };
    store.update(
      this.ctx.type('batch/jobs'),
      { ...store.get('batch/jobs', namespace, name)!, status },
      { subresource: 'status' },
    );
  }
}
