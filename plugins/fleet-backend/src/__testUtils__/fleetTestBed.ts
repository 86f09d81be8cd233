import type { Entity } from '@backstage/catalog-model';
import type { KubeObject, KubeSimulator } from '@carepath/kube-simulator';
import { startKubeSimulator } from '@carepath/kube-simulator';

/** A small two-cluster simulator with fast pods; port 0 everywhere. */
export async function startTestSimulator(
  clusters = ['east', 'west'],
): Promise<KubeSimulator> {
  return startKubeSimulator({
    clusters: clusters.map(name => ({ name })),
    fleet: 'empty',
    port: 0,
    httpsPort: false,
    controlPort: false,
    podReadyDelayMs: 50,
    failureIntervalMs: 200,
    tokens: [
      { token: 'admin', user: 'admin', role: 'admin' },
      { token: 'reader', user: 'reader', role: 'read-only' },
      {
        token: 'team-a-only',
        user: 'team-a-bot',
        role: { namespaces: ['team-a'] },
      },
    ],
  });
}

/** The `kubernetes` config block for the simulator's clusters. */
export function kubernetesConfig(
  sim: KubeSimulator,
  overrides: Record<string, { serviceAccountToken?: string }> = {},
) {
  return {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: sim.clusters.map(c => ({
          name: c.name,
          url: c.url,
          authProvider: 'serviceAccount',
          serviceAccountToken:
            overrides[c.name]?.serviceAccountToken ?? 'reader',
          skipTLSVerify: false,
        })),
      },
    ],
  };
}

/** A Namespace object. */
export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** A Deployment whose pods carry `labels`. */
export function deployment(options: {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  replicas?: number;
}): KubeObject {
  const labels = { ...options.labels, app: options.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: options.name, namespace: options.namespace, labels },
    spec: {
      replicas: options.replicas ?? 2,
      selector: { matchLabels: { app: options.name } },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: options.name,
          securityContext: { runAsNonRoot: true },
          containers: [
            {
              name: 'main',
              image: `registry.example/${options.name}:1.0.0`,
              resources: {
                requests: { cpu: '100m' },
                limits: { memory: '256Mi' },
              },
              readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
              env: [{ name: 'NOT_KEPT', value: 'x' }],
            },
          ],
        },
      },
    },
  };
}

/** A catalog Component with Kubernetes annotations. */
export function component(options: {
  name: string;
  annotations: Record<string, string>;
  owner?: string;
  system?: string;
  lifecycle?: string;
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: options.name,
      namespace: 'default',
      annotations: options.annotations,
    },
    spec: {
      type: 'service',
      owner: options.owner ?? 'team-a',
      lifecycle: options.lifecycle ?? 'production',
      ...(options.system ? { system: options.system } : {}),
    },
  };
}

/** Polls `check` until it returns a value (not undefined) or times out. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  options: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(
    `Timed out waiting for ${options.what ?? 'condition'}${
      last ? `: ${String(last)}` : ''
    }`,
  );
}
