import type { Entity } from '@backstage/catalog-model';

/** A catalog Component; defaults describe a well-declared PHI service. */
export function componentEntity(
  options: {
    name?: string;
    owner?: string;
    system?: string;
    lifecycle?: string;
    annotations?: Record<string, string>;
    /** Whether it carries the upstream Kubernetes annotation (default yes). */
    kubernetes?: boolean;
  } = {},
): Entity {
  const name = options.name ?? 'fhir-gateway';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        ...(options.kubernetes === false
          ? {}
          : { 'backstage.io/kubernetes-id': name }),
        'carepath.io/data-classification': 'phi',
        'carepath.io/audit-logging': 'enabled',
        'carepath.io/on-call': 'care-oncall@example.org',
        ...options.annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: options.lifecycle ?? 'production',
      owner: options.owner ?? 'group:default/care-coordination',
      ...(options.system ? { system: options.system } : {}),
    },
  };
}

export function groupEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'team',
      children: [],
      profile: { email: `${name}@example.org` },
    },
  };
}

/** A Deployment; `compliant: false` runs as root with a floating image. */
export function deployment(options: {
  name: string;
  namespace?: string;
  compliant?: boolean;
}): Record<string, unknown> {
  const compliant = options.compliant ?? true;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: options.name,
      namespace: options.namespace ?? options.name,
      labels: { app: options.name },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: options.name } },
      template: {
        metadata: { labels: { app: options.name } },
        spec: {
          serviceAccountName: options.name,
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: compliant },
          containers: [
            {
              name: 'api',
              image: compliant
                ? `ghcr.io/carepath/${options.name}:1.4.2`
                : `ghcr.io/carepath/${options.name}:latest`,
              securityContext: {
                readOnlyRootFilesystem: compliant,
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
              },
            },
          ],
        },
      },
    },
  };
}
