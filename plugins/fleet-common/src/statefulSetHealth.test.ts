import { projectStatefulSet } from './projectObjects';
import { statefulSetHealth } from './statefulSetHealth';
import healthy from './__fixtures__/statefulset-healthy.json';
import partitionRollout from './__fixtures__/statefulset-partition-rollout.json';
import partitionComplete from './__fixtures__/statefulset-partition-complete.json';
import onDeleteOutdated from './__fixtures__/statefulset-ondelete-outdated.json';
import podsNotReady from './__fixtures__/statefulset-pods-not-ready.json';
import rollingUpdate from './__fixtures__/statefulset-rolling-update.json';
import generationNotObserved from './__fixtures__/statefulset-generation-not-observed.json';

describe('statefulSetHealth', () => {
  it.each([
    [
      'statefulset-healthy',
      healthy,
      'Healthy',
      '3 of 3 pods ready at revision fhir-store-6c7f9d8b5d',
    ],
    [
      'statefulset-partition-rollout',
      partitionRollout,
      'Progressing',
      'Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...',
    ],
    [
      'statefulset-partition-complete',
      partitionComplete,
      'Healthy',
      'Partitioned roll out complete: 3 new pods at revision fhir-store-8b4d7c6f9a; 2 held at revision fhir-store-6c7f9d8b5d by partition 2',
    ],
    [
      'statefulset-ondelete-outdated',
      onDeleteOutdated,
      'Healthy',
      '3 of 3 pods ready; 2 still at revision fhir-store-6c7f9d8b5d (OnDelete: pods update when deleted)',
    ],
    [
      'statefulset-pods-not-ready',
      podsNotReady,
      'Progressing',
      'Waiting for 1 pod to be ready: 2 of 3 ready...',
    ],
    [
      'statefulset-rolling-update',
      rollingUpdate,
      'Progressing',
      'Waiting for statefulset rolling update to complete: 1 of 3 pods at revision fhir-store-8b4d7c6f9a...',
    ],
    [
      'statefulset-generation-not-observed',
      generationNotObserved,
      'Progressing',
      'Waiting for statefulset spec update to be observed...',
    ],
  ])('%s', (_name, fixture, status, message) => {
    expect(statefulSetHealth(projectStatefulSet(fixture))).toEqual({
      status,
      message,
    });
  });
});
