import type { HealthStatus } from './HealthStatus';
import type { EventProjection, ResourceKind, Timestamp } from './projections';
import type {
  ClusterHealth,
  ClusterHealthDetail,
  ClusterSyncState,
  RestartCounts,
} from './rollupClusterHealth';

/**
 * Data classification of a service, from the
 * `carepath.io/data-classification` annotation.
 *
 * @public
 */
export type DataClassification = 'phi' | 'pii' | 'internal' | 'public';

/**
 * One row of the Fleet page: a catalog service and its live health
 * (`GET /api/fleet/services`).
 *
 * @public
 */
export interface ServiceSummary {
  /** Catalog entity ref, e.g. `component:patient-portal/patient-portal-api`. */
  entityRef: string;
  name: string;
  namespace: string;
  kind: string;
  title?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  dataClassification?: DataClassification;
  health: { status: HealthStatus; message: string };
  /** Per-cluster breakdown, worst first. */
  clusters: ClusterHealth[];
  ready: number;
  desired: number;
  restarts: RestartCounts;
  lastChange?: Timestamp;
}

/**
 * A service in one cluster with everything behind its health.
 *
 * @public
 */
export interface ServiceClusterDetail extends ClusterHealthDetail {
  /** Recent Warning events for the service's objects, newest first. */
  events: EventProjection[];
  /** The backend's connection to the cluster. */
  clusterState: ClusterSyncState;
}

/**
 * One service in depth (`GET /api/fleet/services/:namespace/:kind/:name`).
 *
 * @public
 */
export interface ServiceDetail extends Omit<ServiceSummary, 'clusters'> {
  clusters: ServiceClusterDetail[];
}

/**
 * Object counts the backend holds for a cluster, by kind.
 *
 * @public
 */
export type ResourceCounts = Partial<Record<ResourceKind | 'Event', number>>;

/**
 * The state of one cluster's connection (`GET /api/fleet/clusters`).
 *
 * @public
 */
export interface ClusterState {
  name: string;
  state: ClusterSyncState;
  /** When the current state began. */
  since: Timestamp;
  /** When data was last known complete and current. */
  lastSyncedAt?: Timestamp;
  lastError?: string;
  resourceCounts: ResourceCounts;
}

/**
 * A workload no catalog entity claims (`GET /api/fleet/unregistered`).
 *
 * @public
 */
export interface UnregisteredWorkload {
  cluster: string;
  kind: ResourceKind;
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  health: { status: HealthStatus; message: string };
  ready: number;
  desired: number;
  images: string[];
  createdAt?: Timestamp;
}

/**
 * Number of services in each health status.
 *
 * @public
 */
export type HealthSummaryCounts = Record<HealthStatus, number> & {
  total: number;
};

/**
 * A page of results.
 *
 * @public
 */
export interface FleetListResponse<T> {
  items: T[];
  totalItems: number;
  offset: number;
  limit: number;
}

/**
 * `GET /api/fleet/services`: a page of services plus counts by health over
 * all services matching the filter (ignoring the `health` filter itself, so
 * the UI can show counts per status chip).
 *
 * @public
 */
export interface ServiceListResponse extends FleetListResponse<ServiceSummary> {
  summary: HealthSummaryCounts;
}

/**
 * Fields services can be sorted by.
 *
 * @public
 */
export type ServiceSortField =
  | 'health'
  | 'name'
  | 'owner'
  | 'system'
  | 'lifecycle'
  | 'dataClassification'
  | 'restarts'
  | 'lastChange';

/**
 * Sort direction.
 *
 * @public
 */
export type SortDirection = 'asc' | 'desc';

/**
 * Filter, search, sort and paging for `GET /api/fleet/services`. Multi-valued
 * filters match any of their values (repeat the query parameter); different
 * filters must all match.
 *
 * @public
 */
export interface ServiceQuery {
  owner?: string[];
  system?: string[];
  lifecycle?: string[];
  dataClassification?: DataClassification[];
  health?: HealthStatus[];
  /** Only services running in (any of) these clusters. */
  cluster?: string[];
  /** Free-text search over name, title, owner, system and entity ref. */
  q?: string;
  /** Default `health` (worst first). */
  sort?: ServiceSortField;
  /** Default `desc` for `health`, `restarts`, `lastChange`; else `asc`. */
  direction?: SortDirection;
  /** Default 0. */
  offset?: number;
  /** Default 50. */
  limit?: number;
}

/**
 * Live change events, streamed from `GET /api/fleet/events` (server-sent
 * events; the SSE `event:` name is the `type`).
 *
 * @public
 */
export type FleetChangeEvent =
  | {
      type: 'service.updated';
      /** Monotonic per backend instance, for ordering and de-duplication. */
      sequence: number;
      at: Timestamp;
      service: ServiceSummary;
      previousStatus?: HealthStatus;
    }
  | {
      type: 'service.removed';
      sequence: number;
      at: Timestamp;
      entityRef: string;
    }
  | {
      type: 'cluster.updated';
      sequence: number;
      at: Timestamp;
      cluster: ClusterState;
    }
  | {
      type: 'summary.updated';
      sequence: number;
      at: Timestamp;
      summary: HealthSummaryCounts;
    };
