import type { KubernetesObject } from '@kubernetes/client-node';
import {
  projectCronJob,
  projectDaemonSet,
  projectDeployment,
  projectEvent,
  projectHorizontalPodAutoscaler,
  projectJob,
  projectPod,
  projectReplicaSet,
  projectStatefulSet,
  type EventProjection,
  type KubernetesCronJob,
  type KubernetesDaemonSet,
  type KubernetesDeployment,
  type KubernetesEvent,
  type KubernetesHorizontalPodAutoscaler,
  type KubernetesJob,
  type KubernetesPod,
  type KubernetesReplicaSet,
  type KubernetesStatefulSet,
  type ResourceProjection,
} from '@carepath/plugin-fleet-common';
import { compactForCompliance } from './compactForCompliance';
import { internStrings } from './internStrings';
import type { KubernetesObjectLike } from './KubernetesObjectLike';
import { PackedResource } from './PackedResource';
import { valuePool } from './ValuePool';

/**
 * What the informers keep per object: identity for the informer's own
 * bookkeeping plus compact projections. Never the whole object. Workloads,
 * pods and autoscalers are {@link PackedResource}s.
 */
export interface CompactObject extends KubernetesObject {
  metadata: { name: string; namespace?: string; resourceVersion?: string };
  /** Health projection (rebuilt on each read), for workloads, pods and autoscalers. */
  readonly projection?: ResourceProjection;
  /** Warning events. */
  event?: EventProjection;
  /** Kubernetes-shaped copy of what compliance controls read. */
  observed?: KubernetesObjectLike;
}

/** One kind watched in every cluster. */
export interface WatchedKind {
  kind: string;
  /** Cluster-wide list/watch path. */
  path: string;
  fieldSelector?: string;
  compact(object: unknown): CompactObject;
}

type Raw = {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
};

function identity(object: unknown): CompactObject['metadata'] {
  const meta = (object as Raw).metadata ?? {};
  return {
    name: meta.name ?? '',
    namespace: meta.namespace,
    resourceVersion: meta.resourceVersion,
  };
}

function health<T>(
  kind: string,
  path: string,
  project: (object: T) => ResourceProjection,
  options: { compliance: boolean },
): WatchedKind {
  return {
    kind,
    path,
    compact: object =>
      new PackedResource(
        project(object as T),
        identity(object).resourceVersion,
        options.compliance ? compactForCompliance(object) : undefined,
      ),
  };
}

function complianceOnly(kind: string, path: string): WatchedKind {
  return {
    kind,
    path,
    compact: object => ({
      metadata: identity(object),
      observed: valuePool.share(compactForCompliance(object)),
    }),
  };
}

/** The kinds fleet-backend lists and watches in every cluster. */
export const watchedKinds: WatchedKind[] = [
  health<KubernetesDeployment>(
    'Deployment',
    '/apis/apps/v1/deployments',
    projectDeployment,
    { compliance: true },
  ),
  health<KubernetesStatefulSet>(
    'StatefulSet',
    '/apis/apps/v1/statefulsets',
    projectStatefulSet,
    { compliance: true },
  ),
  health<KubernetesDaemonSet>(
    'DaemonSet',
    '/apis/apps/v1/daemonsets',
    projectDaemonSet,
    { compliance: true },
  ),
  health<KubernetesReplicaSet>(
    'ReplicaSet',
    '/apis/apps/v1/replicasets',
    projectReplicaSet,
    { compliance: false },
  ),
  health<KubernetesPod>('Pod', '/api/v1/pods', projectPod, {
    compliance: false,
  }),
  health<KubernetesJob>('Job', '/apis/batch/v1/jobs', projectJob, {
    compliance: true,
  }),
  health<KubernetesCronJob>(
    'CronJob',
    '/apis/batch/v1/cronjobs',
    projectCronJob,
    { compliance: true },
  ),
  health<KubernetesHorizontalPodAutoscaler>(
    'HorizontalPodAutoscaler',
    '/apis/autoscaling/v2/horizontalpodautoscalers',
    projectHorizontalPodAutoscaler,
    { compliance: true },
  ),
  {
    kind: 'Event',
    path: '/api/v1/events',
    fieldSelector: 'type=Warning',
    compact: object => ({
      metadata: identity(object),
      event: internStrings(projectEvent(object as KubernetesEvent)),
    }),
  },
  complianceOnly('Service', '/api/v1/services'),
  complianceOnly('Ingress', '/apis/networking.k8s.io/v1/ingresses'),
  complianceOnly('NetworkPolicy', '/apis/networking.k8s.io/v1/networkpolicies'),
  complianceOnly('PodDisruptionBudget', '/apis/policy/v1/poddisruptionbudgets'),
  complianceOnly('ServiceAccount', '/api/v1/serviceaccounts'),
];
