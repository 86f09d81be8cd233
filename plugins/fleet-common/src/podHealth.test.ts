import type { HealthStatus } from './HealthStatus';
import { podHealth } from './podHealth';
import { projectPod } from './projectObjects';
import type { KubernetesPod } from './kubernetesObjects';
import running from './__fixtures__/pod-running.json';
import crashloop from './__fixtures__/pod-crashloop.json';
import oomkilled from './__fixtures__/pod-oomkilled.json';
import oomkilledLongAgo from './__fixtures__/pod-oomkilled-long-ago.json';
import crashloopOomkilled from './__fixtures__/pod-crashloop-oomkilled.json';
import imagePullBackOff from './__fixtures__/pod-imagepullbackoff.json';
import errImagePull from './__fixtures__/pod-errimagepull.json';
import createContainerConfigError from './__fixtures__/pod-createcontainerconfigerror.json';
import invalidImageName from './__fixtures__/pod-invalidimagename.json';
import unschedulable from './__fixtures__/pod-unschedulable.json';
import readinessFailing from './__fixtures__/pod-readiness-failing.json';
import readinessStarting from './__fixtures__/pod-readiness-starting.json';
import recentRestart from './__fixtures__/pod-recent-restart.json';
import oldRestarts from './__fixtures__/pod-old-restarts.json';
import evicted from './__fixtures__/pod-evicted.json';
import succeeded from './__fixtures__/pod-succeeded.json';
import terminating from './__fixtures__/pod-terminating.json';
import stuckTerminating from './__fixtures__/pod-stuck-terminating.json';
import containerCreating from './__fixtures__/pod-container-creating.json';
import stuckContainerCreating from './__fixtures__/pod-stuck-container-creating.json';
import initCrashloop from './__fixtures__/pod-init-crashloop.json';
import nodeLost from './__fixtures__/pod-node-lost.json';

const now = new Date('2025-11-24T14:10:00Z');

const cases: Array<[string, KubernetesPod, HealthStatus, string]> = [
  [
    'pod-running',
    running,
    'Healthy',
    'Running, 1 of 1 containers ready on node aks-general-31954821-vmss000002',
  ],
  [
    'pod-crashloop',
    crashloop,
    'Degraded',
    'Back-off restarting failed container api (CrashLoopBackOff), 7 restarts, last exit Error (exit 1) 2 minutes ago: FATAL: could not connect to FHIR store: connection refused',
  ],
  [
    'pod-oomkilled',
    oomkilled,
    'Degraded',
    'Container api was OOMKilled (exit 137) 2 minutes ago, 3 restarts',
  ],
  [
    'pod-oomkilled-long-ago',
    oomkilledLongAgo,
    'Healthy',
    'Running, 1 of 1 containers ready on node aks-general-31954821-vmss000002',
  ],
  [
    'pod-crashloop-oomkilled',
    crashloopOomkilled,
    'Degraded',
    'Back-off restarting failed container api (CrashLoopBackOff), 6 restarts, last exit OOMKilled (exit 137) 1 minute ago',
  ],
  [
    'pod-imagepullbackoff',
    imagePullBackOff,
    'Degraded',
    'Cannot pull image for container api (ImagePullBackOff): Back-off pulling image "registry.carepath.internal/patient-portal/api:2.15.0"',
  ],
  [
    'pod-errimagepull',
    errImagePull,
    'Degraded',
    'Cannot pull image for container api (ErrImagePull): failed to pull and unpack image "registry.carepath.internal/patient-portal/api:2.15.0": failed to resolve reference "registry.carepath.internal/patient-portal/api:2.15.0": registry.carepath.internal/patient-portal/api:2.15.0: not found',
  ],
  [
    'pod-createcontainerconfigerror',
    createContainerConfigError,
    'Degraded',
    'Cannot start container api (CreateContainerConfigError): secret "patient-portal-db-credentials" not found',
  ],
  [
    'pod-invalidimagename',
    invalidImageName,
    'Degraded',
    'Invalid image name for container api (InvalidImageName): Failed to apply default image tag "registry.carepath.internal/patient-portal/API:2.15.0": couldn\'t parse image name "registry.carepath.internal/patient-portal/API:2.15.0": invalid reference format: repository name (patient-portal/API) must be lowercase',
  ],
  [
    'pod-unschedulable',
    unschedulable,
    'Degraded',
    'Unschedulable: 0/3 nodes are available: 1 node(s) had untolerated taint {carepath.io/phi-only: true}, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
  ],
  [
    'pod-readiness-failing',
    readinessFailing,
    'Degraded',
    'Readiness probe failing: container api not ready for 11 minutes',
  ],
  [
    'pod-readiness-starting',
    readinessStarting,
    'Progressing',
    'Container api not ready for 42 seconds (grace period 5 minutes)',
  ],
  [
    'pod-recent-restart',
    recentRestart,
    'Degraded',
    'Container api restarted 3 minutes ago after Error (exit 2); 2 restarts in total',
  ],
  [
    'pod-old-restarts',
    oldRestarts,
    'Healthy',
    'Running, 1 of 1 containers ready on node aks-general-31954821-vmss000002',
  ],
  [
    'pod-evicted',
    evicted,
    'Degraded',
    'Evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 91044Ki. Container api was using 498012Ki, request is 384Mi, has larger consumption of memory.',
  ],
  ['pod-succeeded', succeeded, 'Healthy', 'Completed'],
  ['pod-terminating', terminating, 'Progressing', 'Pod is terminating'],
  [
    'pod-stuck-terminating',
    stuckTerminating,
    'Degraded',
    'Stuck terminating: deletion was due at 13:20 UTC (49 minutes ago) on node aks-general-31954821-vmss000002',
  ],
  [
    'pod-container-creating',
    containerCreating,
    'Progressing',
    'Pending: container api ContainerCreating',
  ],
  [
    'pod-stuck-container-creating',
    stuckContainerCreating,
    'Degraded',
    'Stuck pending for 29 minutes: container api ContainerCreating',
  ],
  [
    'pod-init-crashloop',
    initCrashloop,
    'Degraded',
    'Back-off restarting failed init container migrate (CrashLoopBackOff), 5 restarts, last exit Error (exit 1) 1 minute ago: flyway: migration V42__consent_flags.sql failed: column "consent_scope" already exists',
  ],
  [
    'pod-node-lost',
    nodeLost,
    'Unknown',
    'Pod status unknown: node aks-general-31954821-vmss000004 is not reporting (Node aks-general-31954821-vmss000004 which was running pod patient-portal-api-7d9c6b5f4-v8b4n is unresponsive)',
  ],
];

describe('podHealth', () => {
  it.each(cases)('%s', (_name, fixture, status, message) => {
    expect(podHealth(projectPod(fixture), { now })).toEqual({
      status,
      message,
    });
  });
});
