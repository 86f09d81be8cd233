import { SimulationSettings } from '../controllers/ControllerContext';
import { installCloudNativePgCrds } from '../crds/installCloudNativePgCrds';
import { SimulatedCluster } from '../SimulatedCluster';
import { workloadObjects } from './workloadObjects';

/**
 * Seeds `services` Deployments of 10 replicas each for benchmarks, spread
 * round-robin over the clusters and over `namespaces` namespaces (20 by
 * default), labelled like the demo fleet. Pods start instantly during
 * seeding.
 */
export async function seedScaleFleet(options: {
  clusters: SimulatedCluster[];
  services: number;
  settings: SimulationSettings;
  namespaces?: number;
}): Promise<void> {
  const { clusters } = options;
  const namespaceCount = options.namespaces ?? 20;
  for (const cluster of clusters) {
    cluster.configure({ podReadyDelayMs: 0 });
    installCloudNativePgCrds(cluster);
    for (let n = 0; n < namespaceCount; n++) {
      cluster.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: `team-${String(n).padStart(2, '0')}` },
      });
    }
  }
  for (let i = 0; i < options.services; i++) {
    const cluster = clusters[i % clusters.length];
    const name = `svc-${String(i).padStart(5, '0')}`;
    const namespace = `team-${String(i % namespaceCount).padStart(2, '0')}`;
    const objects = workloadObjects({
      service: {
        name,
        namespace,
        system: `system-${i % 50}`,
        kind: 'Deployment',
        replicas: 10,
        image: `registry.carepath.example/${namespace}/${name}:1.${i % 20}.${
          i % 7
        }`,
        clusters: [cluster.name],
        pdb: false,
        networkPolicy: false,
      },
      cluster: cluster.name,
    });
    for (const obj of objects) cluster.apply(obj);
    // Let controllers catch up regularly so the queues stay small.
    if (i % 200 === 199) await cluster.settled();
  }
  for (const cluster of clusters) {
    await cluster.settled(600_000);
    cluster.configure({ podReadyDelayMs: options.settings.podReadyDelayMs });
  }
}
