import type {
  KubernetesObservations,
  LabelSelector,
} from './KubernetesObservations';
import type { ObservationSource } from './ObservationSource';
import type {
  ContainerObservation,
  WorkloadKind,
  WorkloadObservation,
} from './WorkloadObservation';
import {
  count,
  fields,
  flag,
  intOrString,
  items,
  text,
  textMap,
  texts,
  type Fields,
} from './manifestFields';

const POD_SPEC_PATHS: Record<WorkloadKind, string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

function isWorkloadKind(kind: string): kind is WorkloadKind {
  return kind in POD_SPEC_PATHS;
}

function at(object: Fields, path: string[]): Fields {
  return path.reduce<Fields>((current, key) => fields(current[key]), object);
}

function observeContainer(value: unknown, path: string): ContainerObservation {
  const container = fields(value);
  const securityContext = fields(container.securityContext);
  const capabilities = fields(securityContext.capabilities);
  const resources = fields(container.resources);
  return {
    name: text(container.name) ?? '',
    image: text(container.image) ?? '',
    path,
    securityContext: {
      runAsNonRoot: flag(securityContext.runAsNonRoot),
      readOnlyRootFilesystem: flag(securityContext.readOnlyRootFilesystem),
      allowPrivilegeEscalation: flag(securityContext.allowPrivilegeEscalation),
      privileged: flag(securityContext.privileged),
      capabilities: {
        drop: texts(capabilities.drop),
        add: texts(capabilities.add),
      },
    },
    resources: {
      requests: textMap(resources.requests),
      limits: textMap(resources.limits),
    },
    probes: {
      liveness: container.livenessProbe !== undefined,
      readiness: container.readinessProbe !== undefined,
      startup: container.startupProbe !== undefined,
    },
  };
}

function observeSelector(value: unknown): LabelSelector {
  const selector = fields(value);
  return {
    matchLabels: textMap(selector.matchLabels),
    matchExpressions: items(selector.matchExpressions).flatMap(item => {
      const expression = fields(item);
      const key = text(expression.key);
      const operator = text(expression.operator);
      if (
        !key ||
        (operator !== 'In' &&
          operator !== 'NotIn' &&
          operator !== 'Exists' &&
          operator !== 'DoesNotExist')
      ) {
        return [];
      }
      return [{ key, operator, values: texts(expression.values) }];
    }),
  };
}

function observeWorkload(
  object: Fields,
  kind: WorkloadKind,
  identity: { source: ObservationSource; namespace?: string; name: string },
): WorkloadObservation {
  const templatePath = POD_SPEC_PATHS[kind];
  const template = at(object, templatePath);
  const podSpec = fields(template.spec);
  const podSpecPath = [...templatePath, 'spec'].join('.');
  const podSecurityContext = fields(podSpec.securityContext);
  return {
    ...identity,
    kind,
    replicas:
      kind === 'Deployment' || kind === 'StatefulSet'
        ? count(fields(object.spec).replicas)
        : undefined,
    podLabels: textMap(fields(template.metadata).labels),
    podSpecPath,
    serviceAccountName:
      text(podSpec.serviceAccountName) ?? text(podSpec.serviceAccount),
    automountServiceAccountToken: flag(podSpec.automountServiceAccountToken),
    podSecurityContext: {
      runAsNonRoot: flag(podSecurityContext.runAsNonRoot),
      seccompProfileType: text(fields(podSecurityContext.seccompProfile).type),
    },
    containers: items(podSpec.containers).map((c, i) =>
      observeContainer(c, `${podSpecPath}.containers[${i}]`),
    ),
    initContainers: items(podSpec.initContainers).map((c, i) =>
      observeContainer(c, `${podSpecPath}.initContainers[${i}]`),
    ),
  };
}

function policyTypes(spec: Fields): Array<'Ingress' | 'Egress'> {
  const declared = texts(spec.policyTypes).filter(
    (t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress',
  );
  if (declared.length > 0) {
    return declared;
  }
  // Kubernetes default: Ingress always, Egress when egress rules exist.
  return spec.egress !== undefined ? ['Ingress', 'Egress'] : ['Ingress'];
}

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

function observeInto(
  observations: KubernetesObservations,
  value: unknown,
  source: ObservationSource,
): void {
  const object = fields(value);
  const kind = text(object.kind);
  const apiVersion = text(object.apiVersion) ?? '';
  if (!kind || apiVersion.includes('backstage.io')) {
    return;
  }
  if (kind === 'List') {
    items(object.items).forEach(item =>
      observeInto(observations, item, source),
    );
    return;
  }
  const metadata = fields(object.metadata);
  const identity = {
    source,
    namespace: text(metadata.namespace),
    name: text(metadata.name) ?? '',
  };
  const spec = fields(object.spec);
  if (isWorkloadKind(kind)) {
    observations.workloads.push(observeWorkload(object, kind, identity));
    return;
  }
  switch (kind) {
    case 'Service': {
      const type = text(spec.type) ?? 'ClusterIP';
      observations.services.push({
        ...identity,
        type: SERVICE_TYPES.includes(type)
          ? (type as 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName')
          : 'ClusterIP',
        selector: textMap(spec.selector),
      });
      return;
    }
    case 'Ingress':
      observations.ingresses.push({
        ...identity,
        hosts: items(spec.rules).map(rule => text(fields(rule).host) ?? ''),
        tls: items(spec.tls).map(entry => {
          const tls = fields(entry);
          return { hosts: texts(tls.hosts), secretName: text(tls.secretName) };
        }),
      });
      return;
    case 'NetworkPolicy':
      observations.networkPolicies.push({
        ...identity,
        podSelector: observeSelector(spec.podSelector),
        policyTypes: policyTypes(spec),
      });
      return;
    case 'PodDisruptionBudget':
      observations.pdbs.push({
        ...identity,
        selector: observeSelector(spec.selector),
        minAvailable: intOrString(spec.minAvailable),
        maxUnavailable: intOrString(spec.maxUnavailable),
      });
      return;
    case 'HorizontalPodAutoscaler': {
      const target = fields(spec.scaleTargetRef);
      observations.hpas.push({
        ...identity,
        target: {
          kind: text(target.kind) ?? '',
          name: text(target.name) ?? '',
        },
        minReplicas: count(spec.minReplicas),
        maxReplicas: count(spec.maxReplicas) ?? 1,
      });
      return;
    }
    case 'ServiceAccount':
      observations.serviceAccounts.push({
        ...identity,
        automountServiceAccountToken: flag(object.automountServiceAccountToken),
      });
      return;
    default:
  }
}

/**
 * Turns Kubernetes objects (as JSON, from a cluster or from parsed manifests)
 * into observations. Workloads (Deployment, StatefulSet, DaemonSet, Job,
 * CronJob), Service, Ingress, NetworkPolicy, PodDisruptionBudget,
 * HorizontalPodAutoscaler and ServiceAccount are observed, `List` objects
 * are expanded, and everything else (including Backstage entities) is ignored.
 *
 * @public
 */
export function observeKubernetesObjects(
  objects: unknown[],
  options: { source: ObservationSource },
): KubernetesObservations {
  const observations: KubernetesObservations = {
    workloads: [],
    services: [],
    ingresses: [],
    networkPolicies: [],
    pdbs: [],
    hpas: [],
    serviceAccounts: [],
  };
  for (const object of objects) {
    observeInto(observations, object, options.source);
  }
  return observations;
}
