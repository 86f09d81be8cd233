import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterState,
  FleetListResponse,
  ServiceDetail,
  ServiceListResponse,
  ServiceQuery,
  UnregisteredWorkload,
} from '@carepath/plugin-fleet-common';
import type { FleetApi, UnregisteredWorkloadQuery } from './FleetApi';

const multiValued = [
  'owner',
  'system',
  'lifecycle',
  'dataClassification',
  'health',
  'cluster',
] as const;

/**
 * The query string for `GET /services`: multi-valued filters repeat their
 * parameter, the sort direction travels as `order`.
 *
 * @public
 */
export function serviceQueryString(query: ServiceQuery = {}): string {
  const params = new URLSearchParams();
  for (const key of multiValued) {
    for (const value of query[key] ?? []) {
      params.append(key, value);
    }
  }
  if (query.q) params.set('q', query.q);
  if (query.sort) params.set('sort', query.sort);
  if (query.direction) params.set('order', query.direction);
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return params.toString();
}

/**
 * {@link FleetApi} over HTTP, as served by `@carepath/plugin-fleet-backend`.
 *
 * @public
 */
export class FleetClient implements FleetApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getServices(query?: ServiceQuery): Promise<ServiceListResponse> {
    const search = serviceQueryString(query);
    return this.#get(`/services${search ? `?${search}` : ''}`);
  }

  async getServiceHealth(
    entityRef: string,
  ): Promise<ServiceDetail | undefined> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    const response = await this.#fetch(`/services/${path}`);
    if (response.status === 404) {
      return undefined;
    }
    return this.#json(response);
  }

  async getClusters(): Promise<ClusterState[]> {
    const body = await this.#get<{ items: ClusterState[] }>('/clusters');
    return body.items;
  }

  async getUnregisteredWorkloads(
    query: UnregisteredWorkloadQuery = {},
  ): Promise<FleetListResponse<UnregisteredWorkload>> {
    const params = new URLSearchParams();
    if (query.offset !== undefined) params.set('offset', String(query.offset));
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.toString();
    return this.#get(`/unregistered${search ? `?${search}` : ''}`);
  }

  async #fetch(path: string): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('fleet');
    return this.#fetchApi.fetch(`${baseUrl}${path}`);
  }

  async #get<T>(path: string): Promise<T> {
    return this.#json(await this.#fetch(path));
  }

  async #json<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
