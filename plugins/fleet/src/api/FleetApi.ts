import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ClusterState,
  FleetListResponse,
  ServiceDetail,
  ServiceListResponse,
  ServiceQuery,
  UnregisteredWorkload,
} from '@carepath/plugin-fleet-common';

/**
 * Paging for {@link FleetApi.getUnregisteredWorkloads}.
 *
 * @public
 */
export interface UnregisteredWorkloadQuery {
  offset?: number;
  limit?: number;
}

/**
 * Client for the fleet backend (`/api/fleet`).
 *
 * @public
 */
export interface FleetApi {
  /** Services with their live health, filtered, searched, sorted and paged. */
  getServices(query?: ServiceQuery): Promise<ServiceListResponse>;
  /**
   * One service in depth, by entity ref. Resolves `undefined` when fleet
   * knows nothing about the entity (the backend answers 404).
   */
  getServiceHealth(entityRef: string): Promise<ServiceDetail | undefined>;
  /** The backend's connection state for every cluster. */
  getClusters(): Promise<ClusterState[]>;
  /** Workloads that no catalog entity claims. */
  getUnregisteredWorkloads(
    query?: UnregisteredWorkloadQuery,
  ): Promise<FleetListResponse<UnregisteredWorkload>>;
}

/**
 * The {@link FleetApi} reference.
 *
 * @public
 */
export const fleetApiRef = createApiRef<FleetApi>({ id: 'plugin.fleet' });
