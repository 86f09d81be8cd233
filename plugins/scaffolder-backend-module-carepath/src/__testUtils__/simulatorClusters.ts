import type { KubeSimulator } from '@carepath/kube-simulator';

/** One simulated cluster as a test backend's config names it. */
export interface SimulatorCluster {
  name: string;
  url: string;
  caData?: string;
  /** Read-only token: fleet health and the upstream kubernetes plugin. */
  readonly: string;
  /** Admin token: the platform actions' write identity. */
  admin: string;
}

/** The named clusters of a running simulator, over HTTPS, with their tokens. */
export function simulatorClusters(
  sim: KubeSimulator,
  names: readonly string[],
): SimulatorCluster[] {
  return names.map(name => {
    const cluster = sim.cluster(name);
    return {
      name,
      url: cluster.httpsUrl!,
      caData: cluster.caData,
      readonly: cluster.tokens.find(t => t.role === 'read-only')!.token,
      admin: cluster.tokens.find(t => t.role === 'admin')!.token,
    };
  });
}

/**
 * `kubernetes` config for the clusters, in the upstream plugin's format with
 * the read-only identity, as app-config.yaml has it.
 */
export function kubernetesReadConfig(clusters: SimulatorCluster[]) {
  return {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: clusters.map(c => ({
          name: c.name,
          url: c.url,
          caData: c.caData,
          serviceAccountToken: c.readonly,
        })),
      },
    ],
  };
}

/** `carepath.kubernetes.clusters`: the platform actions' write identity. */
export function platformWriteClusters(clusters: SimulatorCluster[]) {
  return clusters.map(c => ({ name: c.name, serviceAccountToken: c.admin }));
}
