import { daemonSetHealth } from './daemonSetHealth';
import { projectDaemonSet } from './projectObjects';
import healthy from './__fixtures__/daemonset-healthy.json';
import misscheduled from './__fixtures__/daemonset-misscheduled.json';
import rollout from './__fixtures__/daemonset-rollout.json';
import unavailable from './__fixtures__/daemonset-unavailable.json';
import onDeleteOutdated from './__fixtures__/daemonset-ondelete-outdated.json';
import generationNotObserved from './__fixtures__/daemonset-generation-not-observed.json';

describe('daemonSetHealth', () => {
  it.each([
    ['daemonset-healthy', healthy, 'Healthy', '6 of 6 pods available'],
    [
      'daemonset-misscheduled',
      misscheduled,
      'Degraded',
      "1 pod is running on nodes that no longer match the daemon set's node selector or tolerations (misscheduled)",
    ],
    [
      'daemonset-rollout',
      rollout,
      'Progressing',
      'Waiting for daemon set audit-log-shipper rollout to finish: 2 out of 6 new pods have been updated...',
    ],
    [
      'daemonset-unavailable',
      unavailable,
      'Progressing',
      'Waiting for daemon set audit-log-shipper rollout to finish: 4 of 6 updated pods are available...',
    ],
    [
      'daemonset-ondelete-outdated',
      onDeleteOutdated,
      'Healthy',
      '6 of 6 pods available; 2 of 6 updated (OnDelete: pods update when deleted)',
    ],
    [
      'daemonset-generation-not-observed',
      generationNotObserved,
      'Progressing',
      'Waiting for rollout to finish: observed daemon set generation less than desired generation',
    ],
  ])('%s', (_name, fixture, status, message) => {
    expect(daemonSetHealth(projectDaemonSet(fixture))).toEqual({
      status,
      message,
    });
  });
});
