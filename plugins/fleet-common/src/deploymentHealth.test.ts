import { deploymentHealth } from './deploymentHealth';
import { projectDeployment } from './projectObjects';
import healthy from './__fixtures__/deployment-healthy.json';
import rolloutStuck from './__fixtures__/deployment-rollout-stuck.json';
import rolloutInProgress from './__fixtures__/deployment-rollout-in-progress.json';
import oldReplicasPending from './__fixtures__/deployment-old-replicas-pending.json';
import updatedUnavailable from './__fixtures__/deployment-updated-unavailable.json';
import paused from './__fixtures__/deployment-paused.json';
import generationNotObserved from './__fixtures__/deployment-generation-not-observed.json';
import scaledToZero from './__fixtures__/deployment-scaled-to-zero.json';
import replicaFailure from './__fixtures__/deployment-replica-failure.json';

describe('deploymentHealth', () => {
  it.each([
    ['deployment-healthy', healthy, 'Healthy', '3 of 3 replicas available'],
    [
      'deployment-rollout-stuck',
      rolloutStuck,
      'Degraded',
      'Deployment patient-portal-api exceeded its progress deadline (600s): ReplicaSet "patient-portal-api-5b8f7c9d6" has timed out progressing.',
    ],
    [
      'deployment-rollout-in-progress',
      rolloutInProgress,
      'Progressing',
      'Waiting for rollout to finish: 2 out of 3 new replicas have been updated...',
    ],
    [
      'deployment-old-replicas-pending',
      oldReplicasPending,
      'Progressing',
      'Waiting for rollout to finish: 1 old replicas are pending termination...',
    ],
    [
      'deployment-updated-unavailable',
      updatedUnavailable,
      'Progressing',
      'Waiting for rollout to finish: 1 of 3 updated replicas are available...',
    ],
    ['deployment-paused', paused, 'Suspended', 'Deployment is paused'],
    [
      'deployment-generation-not-observed',
      generationNotObserved,
      'Progressing',
      'Waiting for rollout to finish: observed deployment generation less than desired generation',
    ],
    [
      'deployment-scaled-to-zero',
      scaledToZero,
      'Healthy',
      'Scaled to 0 replicas',
    ],
    [
      'deployment-replica-failure',
      replicaFailure,
      'Degraded',
      'Cannot create replicas (FailedCreate): pods "patient-portal-api-5b8f7c9d6-x7m2q" is forbidden: exceeded quota: patient-portal-quota, requested: limits.memory=512Mi, used: limits.memory=1Gi, limited: limits.memory=1Gi',
    ],
  ])('%s', (_name, fixture, status, message) => {
    expect(deploymentHealth(projectDeployment(fixture))).toEqual({
      status,
      message,
    });
  });

  it('treats a paused deployment as Suspended even while behind its generation', () => {
    const deployment = projectDeployment(paused);
    deployment.generation = 12;
    expect(deploymentHealth(deployment).status).toBe('Suspended');
  });
});
