import { projectReplicaSet } from './projectObjects';
import { replicaSetHealth } from './replicaSetHealth';
import healthy from './__fixtures__/replicaset-healthy.json';
import quotaExceeded from './__fixtures__/replicaset-quota-exceeded.json';
import scaling from './__fixtures__/replicaset-scaling.json';
import oldScaledDown from './__fixtures__/replicaset-old-scaled-down.json';

describe('replicaSetHealth', () => {
  it.each([
    ['replicaset-healthy', healthy, 'Healthy', '3 of 3 replicas available'],
    [
      'replicaset-quota-exceeded',
      quotaExceeded,
      'Degraded',
      'Cannot create replicas (FailedCreate): pods "patient-portal-api-5b8f7c9d6-x7m2q" is forbidden: exceeded quota: patient-portal-quota, requested: limits.memory=512Mi, used: limits.memory=1Gi, limited: limits.memory=1Gi',
    ],
    [
      'replicaset-scaling',
      scaling,
      'Progressing',
      'Waiting for rollout to finish: 1 out of 3 new replicas are available...',
    ],
    [
      'replicaset-old-scaled-down',
      oldScaledDown,
      'Healthy',
      'Scaled to 0 replicas',
    ],
  ])('%s', (_name, fixture, status, message) => {
    expect(replicaSetHealth(projectReplicaSet(fixture))).toEqual({
      status,
      message,
    });
  });
});
