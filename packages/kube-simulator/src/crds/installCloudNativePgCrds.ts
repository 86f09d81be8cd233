import { SimulatedCluster } from '../SimulatedCluster';
import { cloudNativePgCrds } from './cloudNativePgCrds';

/** Installs the CloudNativePG CRDs into a cluster (idempotent). */
export function installCloudNativePgCrds(cluster: SimulatedCluster): void {
  for (const crd of cloudNativePgCrds()) {
    cluster.apply(crd, { fieldManager: 'helm' });
  }
}
