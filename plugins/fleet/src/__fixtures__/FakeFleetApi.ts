import type {
  ClusterState,
  FleetListResponse,
  ServiceDetail,
  ServiceListResponse,
  ServiceQuery,
  UnregisteredWorkload,
} from '@carepath/plugin-fleet-common';
import type { FleetApi, UnregisteredWorkloadQuery } from '../api/FleetApi';
import { aServiceList } from './builders';

type Answer<T> = T | Error | (() => Promise<T>);

async function answer<T>(value: Answer<T>): Promise<T> {
  if (value instanceof Error) throw value;
  if (typeof value === 'function') return (value as () => Promise<T>)();
  return value;
}

/** An in-memory {@link FleetApi} for tests that records what it was asked. */
export class FakeFleetApi implements FleetApi {
  services: Answer<ServiceListResponse> = aServiceList([]);
  details: Record<string, Answer<ServiceDetail | undefined>> = {};
  clusters: Answer<ClusterState[]> = [];
  unregistered: Answer<FleetListResponse<UnregisteredWorkload>> = {
    items: [],
    totalItems: 0,
    offset: 0,
    limit: 25,
  };
  readonly serviceQueries: ServiceQuery[] = [];
  readonly unregisteredQueries: UnregisteredWorkloadQuery[] = [];

  constructor(init: Partial<FakeFleetApi> = {}) {
    Object.assign(this, init);
  }

  async getServices(query: ServiceQuery = {}): Promise<ServiceListResponse> {
    this.serviceQueries.push(query);
    return answer(this.services);
  }

  async getServiceHealth(
    entityRef: string,
  ): Promise<ServiceDetail | undefined> {
    return answer(this.details[entityRef]);
  }

  async getClusters(): Promise<ClusterState[]> {
    return answer(this.clusters);
  }

  async getUnregisteredWorkloads(
    query: UnregisteredWorkloadQuery = {},
  ): Promise<FleetListResponse<UnregisteredWorkload>> {
    this.unregisteredQueries.push(query);
    return answer(this.unregistered);
  }
}
