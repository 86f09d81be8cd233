import {
  projectCronJob,
  projectDeployment,
  projectHorizontalPodAutoscaler,
  projectJob,
  projectPod,
  projectReplicaSet,
} from './projectObjects';
import { rollupClusterHealth } from './rollupClusterHealth';
import deploymentHealthy from './__fixtures__/deployment-healthy.json';
import deploymentUpdatedUnavailable from './__fixtures__/deployment-updated-unavailable.json';
import replicaSetHealthy from './__fixtures__/replicaset-healthy.json';
import replicaSetOld from './__fixtures__/replicaset-old-scaled-down.json';
import podRunning from './__fixtures__/pod-running.json';
import podCrashloop from './__fixtures__/pod-crashloop.json';
import podCrashloopOomkilled from './__fixtures__/pod-crashloop-oomkilled.json';
import podOldRestarts from './__fixtures__/pod-old-restarts.json';
import podEvicted from './__fixtures__/pod-evicted.json';
import podSucceeded from './__fixtures__/pod-succeeded.json';
import hpaAtMax from './__fixtures__/hpa-at-max.json';
import cronJobRunning from './__fixtures__/cronjob-running.json';
import jobFailed from './__fixtures__/job-failed.json';
import jobRunning from './__fixtures__/job-running.json';

const now = new Date('2025-11-24T14:10:00Z');
const cluster = 'prod-west';

describe('rollupClusterHealth', () => {
  it('surfaces crashlooping pods on their Deployment without counting the ReplicaSet', () => {
    const result = rollupClusterHealth({
      cluster,
      now,
      resources: [
        projectDeployment(deploymentUpdatedUnavailable),
        projectReplicaSet(replicaSetHealthy),
        projectReplicaSet(replicaSetOld),
        projectPod(podRunning),
        projectPod(podCrashloop),
        projectPod(podCrashloopOomkilled),
      ],
    });
    expect(result.workloads).toHaveLength(1);
    expect(result.workloads[0]).toMatchObject({
      kind: 'Deployment',
      name: 'patient-portal-api',
      status: 'Degraded',
      message:
        '2 of 3 pods CrashLoopBackOff, e.g. patient-portal-api-7d9c6b5f4-k2f8p: Back-off restarting failed container api (CrashLoopBackOff), 7 restarts, last exit Error (exit 1) 2 minutes ago: FATAL: could not connect to FHIR store: connection refused',
      controllerHealth: {
        status: 'Progressing',
        message:
          'Waiting for rollout to finish: 1 of 3 updated replicas are available...',
      },
      ready: 1,
      desired: 3,
      restarts: { total: 13, recent: 2 },
      lastChange: '2025-11-24T14:08:02Z',
    });
    expect(result).toMatchObject({
      cluster,
      status: 'Degraded',
      message: `Deployment patient-portal-api: ${result.workloads[0].message}`,
      ready: 1,
      desired: 3,
      restarts: { total: 13, recent: 2 },
      workloadCount: 1,
    });
    expect(result.pods.map(p => [p.name, p.status])).toEqual([
      ['patient-portal-api-7d9c6b5f4-4xq7m', 'Healthy'],
      ['patient-portal-api-7d9c6b5f4-k2f8p', 'Degraded'],
      ['patient-portal-api-7d9c6b5f4-u2y7l', 'Degraded'],
    ]);
    expect(result.pods[1].reasons.map(r => r.code)).toEqual([
      'CrashLoopBackOff',
    ]);
  });

  it('ignores restarts from days ago and evicted pods already replaced', () => {
    const result = rollupClusterHealth({
      cluster,
      now,
      resources: [
        projectDeployment(deploymentHealthy),
        projectReplicaSet(replicaSetHealthy),
        projectPod(podOldRestarts),
        projectPod(podRunning),
        projectPod(podEvicted),
      ],
    });
    expect(result).toMatchObject({
      status: 'Healthy',
      message: '1 workload healthy, 3 of 3 replicas ready',
      restarts: { total: 4, recent: 0 },
    });
    expect(result.pods.find(p => p.phase === 'Failed')?.status).toBe(
      'Degraded',
    );
  });

  it('attaches an autoscaler pinned at its maximum to its target', () => {
    const result = rollupClusterHealth({
      cluster,
      now,
      resources: [
        projectDeployment(deploymentHealthy),
        projectHorizontalPodAutoscaler(hpaAtMax),
      ],
    });
    expect(result.workloadCount).toBe(1);
    expect(result.workloads[0]).toMatchObject({
      status: 'Degraded',
      message:
        'Autoscaler patient-portal-api: At maximum replicas (6/6): scaling limited (TooManyReplicas): the desired replica count is more than the maximum replica count',
    });
  });

  it('judges a CronJob by its latest Job only', () => {
    const result = rollupClusterHealth({
      cluster,
      now,
      resources: [
        projectCronJob(cronJobRunning),
        projectJob(jobFailed),
        projectJob(jobRunning),
      ],
    });
    expect(result.workloads).toHaveLength(1);
    expect(result.workloads[0]).toMatchObject({
      kind: 'CronJob',
      status: 'Progressing',
      message: 'Run claims-export-29399880 in progress; last success 02:06 UTC',
      ready: 0,
      desired: 0,
    });
  });

  it('keeps unowned pods as workloads of their own', () => {
    const result = rollupClusterHealth({
      cluster,
      now,
      resources: [projectPod(podSucceeded)],
    });
    expect(result.workloads[0]).toMatchObject({
      kind: 'Pod',
      status: 'Healthy',
      message: 'Completed',
    });
  });

  it('reports an unreachable cluster as Unknown but keeps the last good data', () => {
    const result = rollupClusterHealth({
      cluster,
      now,
      resources: [projectDeployment(deploymentHealthy)],
      connection: {
        state: 'unreachable',
        since: '2025-11-24T14:02:00Z',
        lastSyncedAt: '2025-11-24T14:07:00Z',
      },
    });
    expect(result).toMatchObject({
      status: 'Unknown',
      message:
        'Cluster prod-west unreachable since 14:02 UTC; last good data 3 minutes old',
      ready: 3,
      desired: 3,
      workloadCount: 1,
    });
  });

  it.each([
    [
      {
        state: 'stale' as const,
        since: '2025-11-24T14:05:00Z',
        lastSyncedAt: '2025-11-24T14:04:30Z',
        lastError: 'watch closed: 410 Gone',
      },
      'Cluster prod-west data stale since 14:05 UTC; last good data 5 minutes old (watch closed: 410 Gone)',
    ],
    [
      { state: 'syncing' as const, since: '2025-11-24T14:09:00Z' },
      'Cluster prod-west still syncing since 14:09 UTC; no data received yet',
    ],
  ])('reports connection %j as Unknown', (connection, message) => {
    expect(
      rollupClusterHealth({ cluster, now, resources: [], connection }),
    ).toMatchObject({ status: 'Unknown', message });
  });

  it('evaluates normally while re-syncing after a previous sync', () => {
    expect(
      rollupClusterHealth({
        cluster,
        now,
        resources: [projectDeployment(deploymentHealthy)],
        connection: {
          state: 'syncing',
          lastSyncedAt: '2025-11-24T14:09:00Z',
        },
      }).status,
    ).toBe('Healthy');
  });

  it('reports Missing when the cluster has no workloads for the service', () => {
    expect(rollupClusterHealth({ cluster, now, resources: [] })).toMatchObject({
      status: 'Missing',
      message: 'No workloads found in cluster prod-west',
      workloadCount: 0,
    });
  });
});
