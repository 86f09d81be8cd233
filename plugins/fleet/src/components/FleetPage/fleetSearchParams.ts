import {
  isHealthStatus,
  type DataClassification,
  type HealthStatus,
  type ServiceQuery,
  type ServiceSortField,
  type SortDirection,
} from '@carepath/plugin-fleet-common';

/** The Fleet page's filter, search and sort: everything kept in the URL. */
export interface FleetView {
  owner: string[];
  system: string[];
  lifecycle: string[];
  dataClassification: DataClassification[];
  health: HealthStatus[];
  cluster: string[];
  q: string;
  sort?: ServiceSortField;
  direction?: SortDirection;
}

/** Filters that hold a list of values, in the order the UI shows them. */
export type FleetFilterKey = Exclude<
  keyof FleetView,
  'q' | 'sort' | 'direction'
>;

export const dataClassifications: readonly DataClassification[] = [
  'phi',
  'pii',
  'internal',
  'public',
];

const sortFields: readonly ServiceSortField[] = [
  'health',
  'name',
  'owner',
  'system',
  'lifecycle',
  'dataClassification',
  'restarts',
  'lastChange',
];

/** Fields whose natural first click is "worst / most / newest first". */
const descendingByDefault: readonly ServiceSortField[] = [
  'health',
  'restarts',
  'lastChange',
];

export function defaultDirection(field: ServiceSortField): SortDirection {
  return descendingByDefault.includes(field) ? 'desc' : 'asc';
}

function oneOf<T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined {
  return values.find(v => v === value);
}

/** Reads the view from the query string, dropping values it does not understand. */
export function parseFleetView(params: URLSearchParams): FleetView {
  const sort = oneOf(sortFields, params.get('sort'));
  const direction = oneOf(['asc', 'desc'] as const, params.get('order'));
  return {
    owner: params.getAll('owner'),
    system: params.getAll('system'),
    lifecycle: params.getAll('lifecycle'),
    dataClassification: params
      .getAll('dataClassification')
      .filter((v): v is DataClassification =>
        dataClassifications.some(c => c === v),
      ),
    health: params.getAll('health').filter(isHealthStatus),
    cluster: params.getAll('cluster'),
    q: params.get('q') ?? '',
    ...(sort ? { sort } : {}),
    ...(direction ? { direction } : {}),
  };
}

const listKeys: readonly FleetFilterKey[] = [
  'owner',
  'system',
  'lifecycle',
  'dataClassification',
  'health',
  'cluster',
];

/** Writes the view to a query string, leaving out what is empty. */
export function fleetViewParams(view: FleetView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of listKeys) {
    for (const value of view[key]) params.append(key, value);
  }
  if (view.q) params.set('q', view.q);
  if (view.sort) params.set('sort', view.sort);
  if (view.direction) params.set('order', view.direction);
  return params;
}

/** The backend query for a view: every matching service, up to the API maximum. */
export function serviceQueryOf(view: FleetView): ServiceQuery {
  const query: ServiceQuery = { limit: 5000 };
  for (const key of listKeys) {
    if (view[key].length > 0) {
      (query as Record<FleetFilterKey, string[]>)[key] = view[key];
    }
  }
  if (view.q.trim()) query.q = view.q.trim();
  if (view.sort) query.sort = view.sort;
  if (view.direction) query.direction = view.direction;
  return query;
}

export function hasFilters(view: FleetView): boolean {
  return listKeys.some(key => view[key].length > 0) || view.q.trim() !== '';
}

/** The view without filters or search, keeping the sort. */
export function clearFilters(view: FleetView): FleetView {
  return {
    ...view,
    owner: [],
    system: [],
    lifecycle: [],
    dataClassification: [],
    health: [],
    cluster: [],
    q: '',
  };
}
