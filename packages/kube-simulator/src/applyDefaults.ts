import { KubeObject } from './types';

type Obj = Record<string, unknown>;

function setDefault(target: Obj, key: string, value: unknown): void {
  if (target[key] === undefined) target[key] = value;
}

function child(target: Obj, key: string): Obj {
  if (!target[key] || typeof target[key] !== 'object') target[key] = {};
  return target[key] as Obj;
}

function defaultContainer(c: Obj): void {
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  const image = String(c.image ?? '');
  const tag = image.includes('@')
    ? 'digest'
    : image.split('/').pop()!.split(':')[1];
  setDefault(
    c,
    'imagePullPolicy',
    !tag || tag === 'latest' ? 'Always' : 'IfNotPresent',
  );
  setDefault(c, 'resources', {});
  for (const p of (c.ports as Obj[] | undefined) ?? [])
    setDefault(p, 'protocol', 'TCP');
}

/** Pod spec defaults, as the API server's defaulting fills them in. */
export function defaultPodSpec(spec: Obj): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'securityContext', {});
  if (
    spec.serviceAccountName === undefined &&
    spec.serviceAccount !== undefined
  )
    spec.serviceAccountName = spec.serviceAccount;
  for (const c of [
    ...((spec.containers as Obj[]) ?? []),
    ...((spec.initContainers as Obj[]) ?? []),
  ]) {
    if (c && typeof c === 'object') defaultContainer(c);
  }
}

function defaultTemplate(spec: Obj): void {
  const template = child(spec, 'template');
  defaultPodSpec(child(template, 'spec'));
}

/** Allocates cluster IPs and node ports for Services. */
export interface ServiceAddressAllocator {
  clusterIP(): string;
  nodePort(): number;
}

/**
 * Fills in the defaults the real API server sets on built-in kinds, so
 * objects read back look like they would from a real cluster.
 */
export function applyDefaults(
  obj: KubeObject,
  allocator: ServiceAddressAllocator,
): void {
  const spec = obj.spec as Obj | undefined;
  const key = `${obj.apiVersion}/${obj.kind}`;
  if (!spec || typeof spec !== 'object') return;
  switch (key) {
    case 'v1/Pod':
      defaultPodSpec(spec);
      setDefault(spec, 'serviceAccountName', 'default');
      setDefault(spec, 'enableServiceLinks', true);
      setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
      setDefault(spec, 'priority', 0);
      setDefault(spec, 'tolerations', [
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
      ]);
      break;
    case 'apps/v1/Deployment': {
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'progressDeadlineSeconds', 600);
      const strategy = child(spec, 'strategy');
      setDefault(strategy, 'type', 'RollingUpdate');
      if (strategy.type === 'RollingUpdate') {
        const ru = child(strategy, 'rollingUpdate');
        setDefault(ru, 'maxUnavailable', '25%');
        setDefault(ru, 'maxSurge', '25%');
      }
      defaultTemplate(spec);
      break;
    }
    case 'apps/v1/ReplicaSet':
      setDefault(spec, 'replicas', 1);
      defaultTemplate(spec);
      break;
    case 'apps/v1/StatefulSet': {
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'podManagementPolicy', 'OrderedReady');
      setDefault(spec, 'revisionHistoryLimit', 10);
      const strategy = child(spec, 'updateStrategy');
      setDefault(strategy, 'type', 'RollingUpdate');
      if (strategy.type === 'RollingUpdate')
        setDefault(child(strategy, 'rollingUpdate'), 'partition', 0);
      setDefault(spec, 'persistentVolumeClaimRetentionPolicy', {
        whenDeleted: 'Retain',
        whenScaled: 'Retain',
      });
      defaultTemplate(spec);
      break;
    }
    case 'apps/v1/DaemonSet': {
      setDefault(spec, 'revisionHistoryLimit', 10);
      const strategy = child(spec, 'updateStrategy');
      setDefault(strategy, 'type', 'RollingUpdate');
      if (strategy.type === 'RollingUpdate') {
        const ru = child(strategy, 'rollingUpdate');
        setDefault(ru, 'maxUnavailable', 1);
        setDefault(ru, 'maxSurge', 0);
      }
      defaultTemplate(spec);
      break;
    }
    case 'batch/v1/Job':
      setDefault(spec, 'parallelism', 1);
      setDefault(spec, 'completions', 1);
      setDefault(spec, 'backoffLimit', 6);
      setDefault(spec, 'completionMode', 'NonIndexed');
      setDefault(spec, 'suspend', false);
      setDefault(spec, 'podReplacementPolicy', 'TerminatingOrFailed');
      defaultTemplate(spec);
      break;
    case 'batch/v1/CronJob': {
      setDefault(spec, 'concurrencyPolicy', 'Allow');
      setDefault(spec, 'suspend', false);
      setDefault(spec, 'successfulJobsHistoryLimit', 3);
      setDefault(spec, 'failedJobsHistoryLimit', 1);
      const jobSpec = child(child(spec, 'jobTemplate'), 'spec');
      setDefault(jobSpec, 'backoffLimit', 6);
      defaultTemplate(jobSpec);
      break;
    }
    case 'v1/Service': {
      setDefault(spec, 'type', 'ClusterIP');
      setDefault(spec, 'sessionAffinity', 'None');
      if (spec.type !== 'ExternalName') {
        setDefault(spec, 'clusterIP', allocator.clusterIP());
        setDefault(spec, 'clusterIPs', [spec.clusterIP]);
        setDefault(spec, 'ipFamilies', ['IPv4']);
        setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
        setDefault(spec, 'internalTrafficPolicy', 'Cluster');
      }
      for (const p of (spec.ports as Obj[] | undefined) ?? []) {
        setDefault(p, 'protocol', 'TCP');
        setDefault(p, 'targetPort', p.port);
        if (
          (spec.type === 'NodePort' || spec.type === 'LoadBalancer') &&
          p.nodePort === undefined
        ) {
          p.nodePort = allocator.nodePort();
        }
      }
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer')
        setDefault(spec, 'externalTrafficPolicy', 'Cluster');
      break;
    }
    case 'autoscaling/v2/HorizontalPodAutoscaler':
      setDefault(spec, 'minReplicas', 1);
      break;
    default:
      break;
  }
}
