import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { PlatformRecords } from '@carepath/plugin-compliance-common';

/**
 * Kubernetes objects observed in one cluster.
 *
 * @public
 */
export interface ClusterObjects {
  cluster: string;
  objects: unknown[];
}

/**
 * What a source answered: its value, or why it could not be read. `down`
 * means the source itself is unreachable (connection refused, timeout), so
 * asking it again in the same run is pointless.
 *
 * @public
 */
export type SourceAnswer<T> =
  | { available: true; value: T }
  | { available: false; reason: string; down: boolean };

/**
 * One fleet cluster's sync state (fleet's `GET /clusters`).
 *
 * @public
 */
export interface FleetClusterState {
  name: string;
  /** `synced`, `syncing`, `stale` or `unreachable` */
  state: string;
  lastError?: string;
}

/**
 * The live inputs of an evaluation besides the catalog. Injectable, so
 * tests and other deployments can supply their own.
 *
 * @public
 */
export interface ComplianceSources {
  /** Live workload specs of one service, per cluster (the fleet watch cache). */
  workloads(entity: CompoundEntityRef): Promise<SourceAnswer<ClusterObjects[]>>;
  /** Databases and other platform records of one service. */
  platformRecords(entityRef: string): Promise<SourceAnswer<PlatformRecords>>;
  /** Workloads no catalog entity claims, per cluster. */
  unregisteredWorkloads(): Promise<SourceAnswer<ClusterObjects[]>>;
  /** The fleet's clusters and whether each has synced its watch cache. */
  clusters(): Promise<SourceAnswer<FleetClusterState[]>>;
}
