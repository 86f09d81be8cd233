import { KubeObject } from '../types';

/** A pod template as found in workload specs. */
export interface PodTemplate {
  metadata?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: Record<string, unknown>;
}

interface PodStatusLike {
  phase?: string;
  conditions?: Array<{ type: string; status: string }>;
}

/** Whether a pod's Ready condition is True. */
export function podIsReady(pod: KubeObject): boolean {
  const status = pod.status as PodStatusLike | undefined;
  return Boolean(
    status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True'),
  );
}

/** Whether a pod counts towards its controller's replicas (not finished). */
export function podIsActive(pod: KubeObject): boolean {
  const phase = (pod.status as PodStatusLike | undefined)?.phase;
  return (
    phase !== 'Succeeded' &&
    phase !== 'Failed' &&
    !pod.metadata.deletionTimestamp
  );
}

const defaultTolerations = [
  {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
  {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
];

/**
 * A new pod for a controller. The template's spec is shared shallowly:
 * stored objects are never mutated, so pods of one template can share
 * their container lists, which keeps very large fleets small in memory.
 */
export function newPodFromTemplate(options: {
  template: PodTemplate;
  owner: KubeObject;
  name: string;
  labels?: Record<string, string>;
  spec?: Record<string, unknown>;
}): KubeObject {
  const { template, owner, name } = options;
  const annotations = template.metadata?.annotations;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: {
        ...(template.metadata?.labels ?? {}),
        ...(options.labels ?? {}),
      },
      ...(annotations && Object.keys(annotations).length
        ? { annotations }
        : {}),
      ownerReferences: [
        {
          apiVersion: owner.apiVersion,
          kind: owner.kind,
          name: owner.metadata.name ?? '',
          uid: owner.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      ...template.spec,
      serviceAccountName: template.spec.serviceAccountName ?? 'default',
      enableServiceLinks: template.spec.enableServiceLinks ?? true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      tolerations: template.spec.tolerations ?? defaultTolerations,
      ...(options.spec ?? {}),
    },
  };
}
