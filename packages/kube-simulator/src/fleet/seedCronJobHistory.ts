import { formatTimestamp } from '../Clock';
import { newPodFromTemplate, PodTemplate } from '../controllers/pods';
import { CronSchedule } from '../controllers/CronSchedule';
import { SimulatedCluster } from '../SimulatedCluster';
import { KubeObject } from '../types';

/**
 * Gives a CronJob the history a long-running cluster would have: its last
 * three scheduled runs as completed Jobs (with their Succeeded pods) and a
 * matching lastScheduleTime and lastSuccessfulTime.
 */
export function seedCronJobHistory(options: {
  cluster: SimulatedCluster;
  namespace: string;
  name: string;
  runMs?: number;
}): void {
  const { cluster, namespace, name } = options;
  const cronJob = cluster.get({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    namespace,
    name,
  });
  if (!cronJob) return;
  const spec = cronJob.spec as {
    schedule: string;
    jobTemplate: {
      metadata?: { labels?: Record<string, string> };
      spec: { template: PodTemplate } & Record<string, unknown>;
    };
  };
  const now = cluster.clock.now();
  const schedule = CronSchedule.parse(spec.schedule);
  const times: number[] = [];
  for (
    let t = schedule.nextAfter(now - 24 * 3600_000);
    t !== undefined && t <= now;
    t = schedule.nextAfter(t)
  ) {
    times.push(t);
    if (times.length > 3) times.shift();
  }
  const runMs = options.runMs ?? 42_000;
  let lastSuccessfulTime: string | undefined;
  for (const t of times) {
    const jobName = `${name}-${Math.floor(t / 60_000)}`;
    const started = formatTimestamp(t + 1000);
    const completed = formatTimestamp(Math.min(now, t + runMs));
    const job = cluster.apply(
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name: jobName,
          namespace,
          labels: spec.jobTemplate.metadata?.labels ?? {},
          annotations: {
            'batch.kubernetes.io/cronjob-scheduled-timestamp':
              formatTimestamp(t),
          },
          ownerReferences: [
            {
              apiVersion: 'batch/v1',
              kind: 'CronJob',
              name,
              uid: cronJob.metadata.uid ?? '',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: structuredClone(spec.jobTemplate.spec),
        status: {
          startTime: started,
          completionTime: completed,
          succeeded: 1,
          ready: 0,
          terminating: 0,
          uncountedTerminatedPods: {},
          conditions: ['SuccessCriteriaMet', 'Complete'].map(type => ({
            type,
            status: 'True',
            reason: 'CompletionsReached',
            message: 'Reached expected number of succeeded pods',
            lastProbeTime: completed,
            lastTransitionTime: completed,
          })),
        },
      },
      {
        keepStatus: true,
        creationTimestamp: formatTimestamp(t),
        fieldManager: 'cronjob-controller',
      },
    );
    const pod: KubeObject = newPodFromTemplate({
      template: spec.jobTemplate.spec.template,
      owner: job,
      name: `${jobName}-${job.metadata
        .uid!.slice(0, 5)
        .replace(/[^a-z0-9]/g, 'x')}`,
      labels: {
        'batch.kubernetes.io/job-name': jobName,
        'job-name': jobName,
        'batch.kubernetes.io/controller-uid': job.metadata.uid ?? '',
        'controller-uid': job.metadata.uid ?? '',
      },
      spec: {
        nodeName: cluster.nodes[times.indexOf(t) % cluster.nodes.length].name,
      },
    });
    const container = (
      spec.jobTemplate.spec.template.spec.containers as Array<{
        name: string;
        image: string;
      }>
    )[0];
    pod.status = {
      phase: 'Succeeded',
      startTime: started,
      hostIP: cluster.nodes[0].ip,
      conditions: [
        {
          type: 'PodReadyToStartContainers',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: completed,
        },
        {
          type: 'Initialized',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: started,
        },
        {
          type: 'Ready',
          status: 'False',
          reason: 'PodCompleted',
          lastProbeTime: null,
          lastTransitionTime: completed,
        },
        {
          type: 'ContainersReady',
          status: 'False',
          reason: 'PodCompleted',
          lastProbeTime: null,
          lastTransitionTime: completed,
        },
        {
          type: 'PodScheduled',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: started,
        },
      ],
      containerStatuses: [
        {
          name: container.name,
          image: container.image,
          imageID: '',
          ready: false,
          restartCount: 0,
          started: false,
          lastState: {},
          state: {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: started,
              finishedAt: completed,
            },
          },
        },
      ],
    };
    cluster.apply(pod, {
      keepStatus: true,
      creationTimestamp: formatTimestamp(t),
      fieldManager: 'kube-controller-manager',
    });
    lastSuccessfulTime = completed;
  }
  if (times.length > 0) {
    const latest = cluster.get({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      namespace,
      name,
    })!;
    cluster.store.update(
      cluster.typeOf('batch/v1', 'CronJob'),
      {
        ...latest,
        status: {
          lastScheduleTime: formatTimestamp(times[times.length - 1]),
          lastSuccessfulTime,
        },
      },
      { subresource: 'status' },
    );
  }
}
