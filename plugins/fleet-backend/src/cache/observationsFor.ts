import type { KubernetesObjectLike } from '../watch/KubernetesObjectLike';
import type { CompactObject } from '../watch/watchedKinds';

type Fields = Record<string, unknown>;

function fields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Kubernetes `LabelSelector` (matchLabels + matchExpressions) matching. */
function selectorMatches(selector: unknown, labels: Record<string, string>) {
  const s = fields(selector);
  for (const [key, value] of Object.entries(fields(s.matchLabels))) {
    if (labels[key] !== value) return false;
  }
  for (const e of list(s.matchExpressions)) {
    const { key, operator, values } = fields(e);
    const has = typeof key === 'string' && key in labels;
    const value = typeof key === 'string' ? labels[key] : undefined;
    const set = list(values);
    if (operator === 'In' && !(has && set.includes(value))) return false;
    if (operator === 'NotIn' && has && set.includes(value)) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
]);

function podTemplateOf(o: KubernetesObjectLike): Fields {
  const spec = fields(o.spec);
  return o.kind === 'CronJob'
    ? fields(fields(fields(spec.jobTemplate).spec).template)
    : fields(spec.template);
}

/**
 * The compact Kubernetes-shaped objects compliance evaluates for a service
 * in one cluster: its top-level workloads and autoscalers, plus the
 * Services selecting its pods, Ingresses routing to those Services,
 * NetworkPolicies and PodDisruptionBudgets selecting its pods, and the
 * ServiceAccounts its pods run as.
 *
 * @public
 */
export function observationsFor(options: {
  resources: ReadonlyArray<{
    kind: string;
    namespace: string;
    name: string;
    ownerReferences: ReadonlyArray<{ controller: boolean }>;
  }>;
  lookup: (kind: string, namespace: string) => ReadonlyArray<CompactObject>;
}): KubernetesObjectLike[] {
  const { resources, lookup } = options;
  const workloads: KubernetesObjectLike[] = [];
  const namespaces = new Set<string>();
  for (const r of resources) {
    const topLevel =
      WORKLOAD_KINDS.has(r.kind) &&
      !(r.kind === 'Job' && r.ownerReferences.some(o => o.controller));
    if (!topLevel && r.kind !== 'HorizontalPodAutoscaler') continue;
    const found = lookup(r.kind, r.namespace).find(
      o => o.metadata.name === r.name,
    )?.observed;
    if (found) {
      workloads.push(found);
      namespaces.add(r.namespace);
    }
  }
  const podLabels = workloads
    .filter(w => WORKLOAD_KINDS.has(w.kind))
    .map(w => ({
      namespace: w.metadata.namespace ?? '',
      labels: fields(fields(podTemplateOf(w).metadata).labels) as Record<
        string,
        string
      >,
      serviceAccount:
        (fields(podTemplateOf(w).spec).serviceAccountName as
          | string
          | undefined) ?? 'default',
    }));
  const selects = (namespace: string, selector: unknown) =>
    podLabels.some(
      p => p.namespace === namespace && selectorMatches(selector, p.labels),
    );
  const result = [...workloads];
  for (const namespace of namespaces) {
    const observed = (kind: string) =>
      lookup(kind, namespace).flatMap(o => (o.observed ? [o.observed] : []));
    const services = observed('Service').filter(s => {
      const selector = fields(fields(s.spec).selector);
      return (
        Object.keys(selector).length > 0 &&
        selects(namespace, { matchLabels: selector })
      );
    });
    const serviceNames = new Set(services.map(s => s.metadata.name));
    const ingresses = observed('Ingress').filter(i => {
      const spec = fields(i.spec);
      const backends = [
        fields(fields(spec.defaultBackend).service).name,
        ...list(spec.rules).flatMap(rule =>
          list(fields(fields(rule).http).paths).map(
            p => fields(fields(fields(p).backend).service).name,
          ),
        ),
      ];
      return backends.some(b => typeof b === 'string' && serviceNames.has(b));
    });
    const policies = observed('NetworkPolicy').filter(n =>
      selects(namespace, fields(n.spec).podSelector),
    );
    const pdbs = observed('PodDisruptionBudget').filter(p =>
      selects(namespace, fields(p.spec).selector),
    );
    const accounts = new Set(
      podLabels
        .filter(p => p.namespace === namespace)
        .map(p => p.serviceAccount),
    );
    const serviceAccounts = observed('ServiceAccount').filter(a =>
      accounts.has(a.metadata.name),
    );
    result.push(
      ...services,
      ...ingresses,
      ...policies,
      ...pdbs,
      ...serviceAccounts,
    );
  }
  return result;
}
