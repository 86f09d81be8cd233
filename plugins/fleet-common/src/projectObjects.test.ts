import {
  projectCronJob,
  projectDeployment,
  projectEvent,
  projectHorizontalPodAutoscaler,
  projectPod,
  projectStatefulSet,
} from './projectObjects';
import deployment from './__fixtures__/deployment-rollout-stuck.json';
import statefulSet from './__fixtures__/statefulset-partition-rollout.json';
import crashloop from './__fixtures__/pod-crashloop.json';
import cronJob from './__fixtures__/cronjob-running.json';
import hpa from './__fixtures__/hpa-at-max.json';
import readinessEvent from './__fixtures__/event-readiness-probe-failed.json';
import seriesEvent from './__fixtures__/event-series.json';

describe('projections', () => {
  it('keeps only what health and the UI need from a Deployment', () => {
    const projection = projectDeployment(deployment);
    expect(projection).toEqual({
      kind: 'Deployment',
      namespace: 'patient-portal',
      name: 'patient-portal-api',
      uid: deployment.metadata.uid,
      labels: deployment.metadata.labels,
      ownerReferences: [],
      generation: 8,
      creationTimestamp: '2025-11-20T09:15:42Z',
      spec: {
        replicas: 3,
        paused: false,
        progressDeadlineSeconds: 600,
        strategyType: 'RollingUpdate',
        containers: [
          {
            name: 'api',
            image: 'registry.carepath.internal/patient-portal/api:2.15.0',
          },
        ],
      },
      status: {
        observedGeneration: 8,
        replicas: 4,
        updatedReplicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
        unavailableReplicas: 2,
        conditions: deployment.status.conditions.map(
          ({ lastUpdateTime: _dropped, ...condition }) => condition,
        ),
      },
    });
    expect(JSON.stringify(projection)).not.toContain('managedFields');
  });

  it('keeps the partition of a StatefulSet', () => {
    expect(projectStatefulSet(statefulSet).spec).toMatchObject({
      replicas: 5,
      updateStrategyType: 'RollingUpdate',
      partition: 2,
    });
  });

  it('projects container statuses and owner references of a Pod', () => {
    const pod = projectPod(crashloop);
    expect(pod.ownerReferences).toEqual([
      {
        kind: 'ReplicaSet',
        name: 'patient-portal-api-7d9c6b5f4',
        uid: crashloop.metadata.ownerReferences[0].uid,
        controller: true,
      },
    ]);
    expect(pod.podTemplateHash).toBe('7d9c6b5f4');
    expect(pod.spec).toEqual({
      nodeName: 'aks-general-31954821-vmss000002',
      restartPolicy: 'Always',
      containers: [
        {
          name: 'api',
          image: 'registry.carepath.internal/patient-portal/api:2.14.1',
        },
      ],
    });
    expect(pod.status.containerStatuses[0]).toEqual({
      name: 'api',
      image: 'registry.carepath.internal/patient-portal/api:2.14.1',
      ready: false,
      restartCount: 7,
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: crashloop.status.containerStatuses[0].state.waiting.message,
        },
      },
      lastState: {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          message: 'FATAL: could not connect to FHIR store: connection refused',
          startedAt: '2025-11-24T14:07:48Z',
          finishedAt: '2025-11-24T14:07:51Z',
        },
      },
    });
  });

  it('accepts Date timestamps as client libraries deserialise them', () => {
    const pod = projectPod({
      metadata: {
        name: 'p',
        creationTimestamp: new Date('2025-11-24T14:00:00Z'),
      },
      status: { phase: 'Running', startTime: new Date('2025-11-24T14:00:01Z') },
    });
    expect(pod.creationTimestamp).toBe('2025-11-24T14:00:00.000Z');
    expect(pod.status.startTime).toBe('2025-11-24T14:00:01.000Z');
  });

  it('counts active Jobs of a CronJob', () => {
    expect(projectCronJob(cronJob).status).toEqual({
      active: 1,
      lastScheduleTime: '2025-11-24T14:00:00Z',
      lastSuccessfulTime: '2025-11-24T02:06:58Z',
    });
  });

  it('projects an HPA target and bounds', () => {
    expect(projectHorizontalPodAutoscaler(hpa).spec).toEqual({
      scaleTargetRef: { kind: 'Deployment', name: 'patient-portal-api' },
      minReplicas: 2,
      maxReplicas: 6,
    });
  });

  it.each([
    [
      'event-readiness-probe-failed',
      readinessEvent,
      {
        type: 'Warning',
        reason: 'Unhealthy',
        message:
          'Readiness probe failed: HTTP probe failed with statuscode: 503',
        count: 67,
        lastTimestamp: '2025-11-24T14:09:50Z',
      },
    ],
    [
      'event-series',
      seriesEvent,
      {
        type: 'Normal',
        reason: 'BackOff',
        count: 31,
        lastTimestamp: '2025-11-24T14:09:44.902311Z',
      },
    ],
  ])('projects %s', (_name, event, expected) => {
    const projection = projectEvent(event);
    expect(projection).toMatchObject(expected);
    expect(projection.involvedObject.kind).toBe('Pod');
  });
});
