import type { KubernetesObjectLike } from './KubernetesObjectLike';

type Fields = Record<string, unknown>;

function fields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Copies the keys that are present (not undefined) from `source`. */
function pick(source: Fields, keys: string[]): Fields | undefined {
  const result: Fields = {};
  for (const key of keys) {
    if (source[key] !== undefined) result[key] = source[key];
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function withDefined(values: Fields): Fields {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  );
}

function container(value: unknown): Fields {
  const c = fields(value);
  const securityContext = fields(c.securityContext);
  const capabilities = pick(fields(securityContext.capabilities), [
    'drop',
    'add',
  ]);
  const resources = pick(fields(c.resources), ['requests', 'limits']);
  return withDefined({
    name: c.name,
    image: c.image,
    securityContext: c.securityContext
      ? withDefined({
          ...pick(securityContext, [
            'runAsNonRoot',
            'readOnlyRootFilesystem',
            'allowPrivilegeEscalation',
            'privileged',
          ]),
          capabilities,
        })
      : undefined,
    resources,
    // Only presence matters to the controls.
    livenessProbe: c.livenessProbe ? {} : undefined,
    readinessProbe: c.readinessProbe ? {} : undefined,
    startupProbe: c.startupProbe ? {} : undefined,
  });
}

function podTemplate(value: unknown): Fields {
  const template = fields(value);
  const spec = fields(template.spec);
  const securityContext = fields(spec.securityContext);
  const seccompType = fields(securityContext.seccompProfile).type;
  return {
    metadata: withDefined({ labels: fields(template.metadata).labels }),
    spec: withDefined({
      serviceAccountName: spec.serviceAccountName ?? spec.serviceAccount,
      automountServiceAccountToken: spec.automountServiceAccountToken,
      securityContext: spec.securityContext
        ? withDefined({
            runAsNonRoot: securityContext.runAsNonRoot,
            seccompProfile:
              seccompType !== undefined ? { type: seccompType } : undefined,
          })
        : undefined,
      containers: list(spec.containers).map(container),
      initContainers: spec.initContainers
        ? list(spec.initContainers).map(container)
        : undefined,
    }),
  };
}

function selector(value: unknown): Fields | undefined {
  return value === undefined
    ? undefined
    : pick(fields(value), ['matchLabels', 'matchExpressions']) ?? {};
}

/**
 * Makes the compact Kubernetes-shaped copy of an object kept for
 * compliance, or undefined for kinds the controls do not read.
 *
 * @public
 */
export function compactForCompliance(
  object: unknown,
): KubernetesObjectLike | undefined {
  const o = fields(object);
  const kind = typeof o.kind === 'string' ? o.kind : '';
  const meta = fields(o.metadata);
  const spec = fields(o.spec);
  const base = {
    apiVersion: typeof o.apiVersion === 'string' ? o.apiVersion : '',
    kind,
    metadata: withDefined({
      name: meta.name,
      namespace: meta.namespace,
      labels: meta.labels,
    }) as KubernetesObjectLike['metadata'],
  };
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
      return {
        ...base,
        spec: withDefined({
          replicas: spec.replicas,
          selector: selector(spec.selector),
          template: podTemplate(spec.template),
        }),
      };
    case 'DaemonSet':
    case 'Job':
      return {
        ...base,
        spec: withDefined({
          selector: selector(spec.selector),
          template: podTemplate(spec.template),
        }),
      };
    case 'CronJob':
      return {
        ...base,
        spec: {
          jobTemplate: {
            spec: {
              template: podTemplate(
                fields(fields(spec.jobTemplate).spec).template,
              ),
            },
          },
        },
      };
    case 'Service':
      return {
        ...base,
        spec: withDefined({
          type: spec.type,
          selector: spec.selector,
          ports: spec.ports,
        }),
      };
    case 'Ingress':
      return {
        ...base,
        spec: withDefined({
          tls: spec.tls,
          rules: spec.rules
            ? list(spec.rules).map(rule => {
                const r = fields(rule);
                // Backend service names let the service's ingresses be found.
                const paths = list(fields(r.http).paths).map(p => ({
                  backend: {
                    service: {
                      name: fields(fields(fields(p).backend).service).name,
                    },
                  },
                }));
                return withDefined({
                  host: r.host,
                  http: paths.length > 0 ? { paths } : undefined,
                });
              })
            : undefined,
          defaultBackend: spec.defaultBackend
            ? {
                service: {
                  name: fields(fields(spec.defaultBackend).service).name,
                },
              }
            : undefined,
        }),
      };
    case 'NetworkPolicy':
      return {
        ...base,
        spec: withDefined({
          podSelector: selector(spec.podSelector),
          policyTypes: spec.policyTypes,
          // Presence of egress rules decides the default policy types.
          egress: spec.egress !== undefined ? [] : undefined,
        }),
      };
    case 'PodDisruptionBudget':
      return {
        ...base,
        spec: withDefined({
          selector: selector(spec.selector),
          minAvailable: spec.minAvailable,
          maxUnavailable: spec.maxUnavailable,
        }),
      };
    case 'HorizontalPodAutoscaler':
      return {
        ...base,
        spec: withDefined({
          scaleTargetRef: pick(fields(spec.scaleTargetRef), ['kind', 'name']),
          minReplicas: spec.minReplicas,
          maxReplicas: spec.maxReplicas,
        }),
      };
    case 'ServiceAccount':
      return withDefined({
        ...base,
        automountServiceAccountToken: o.automountServiceAccountToken,
      }) as unknown as KubernetesObjectLike;
    default:
      return undefined;
  }
}
