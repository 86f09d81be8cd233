import type { PlatformTestEnvironment } from './PlatformTestEnvironment';

/** A minimal Deployment of a service, labelled as Backstage's kubernetes plugin finds it. */
export function deployment(options: {
  name: string;
  namespace: string;
  kubernetesId: string;
  image?: string;
  replicas?: number;
}) {
  const labels = {
    app: options.name,
    'backstage.io/kubernetes-id': options.kubernetesId,
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: options.name, namespace: options.namespace, labels },
    spec: {
      replicas: options.replicas ?? 1,
      selector: { matchLabels: { app: options.name } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'api',
              image: options.image ?? 'ghcr.io/carepath/api:1.0.0',
            },
          ],
        },
      },
    },
  };
}

/** The pod template annotations of a Deployment in the simulator. */
export function templateAnnotations(
  env: PlatformTestEnvironment,
  options: { cluster: string; namespace: string; name: string },
): Record<string, string> {
  const object = env.sim
    .cluster(options.cluster)
    .get({ apiVersion: 'apps/v1', kind: 'Deployment', ...options }) as
    | {
        spec?: {
          template?: { metadata?: { annotations?: Record<string, string> } };
        };
      }
    | undefined;
  return object?.spec?.template?.metadata?.annotations ?? {};
}
