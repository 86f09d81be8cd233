import type {
  ControlStatus,
  DataClassification,
  ResultsQuery,
} from '@carepath/plugin-compliance-common';

/** The overview's filters and heat-map grouping: everything kept in the URL. */
export interface ComplianceView {
  owner: string[];
  system: string[];
  control: string[];
  status: ControlStatus[];
  dataClassification: DataClassification[];
  /** Heat-map rows: one per service, or one per owning team. */
  by: 'service' | 'team';
}

export type ComplianceFilterKey = Exclude<keyof ComplianceView, 'by'>;

export const filterKeys: readonly ComplianceFilterKey[] = [
  'owner',
  'system',
  'control',
  'status',
  'dataClassification',
];

export const statuses: readonly ControlStatus[] = [
  'fail',
  'exempt',
  'pass',
  'not-applicable',
];

export const dataClassifications: readonly DataClassification[] = [
  'phi',
  'pii',
  'internal',
  'public',
];

function known<T extends string>(values: readonly T[], found: string[]): T[] {
  return values.filter(v => found.includes(v));
}

/** Reads the view from the query string, dropping values it does not understand. */
export function parseComplianceView(params: URLSearchParams): ComplianceView {
  return {
    owner: params.getAll('owner'),
    system: params.getAll('system'),
    control: params.getAll('control'),
    status: known(statuses, params.getAll('status')),
    dataClassification: known(
      dataClassifications,
      params.getAll('dataClassification'),
    ),
    by: params.get('by') === 'team' ? 'team' : 'service',
  };
}

/** Writes the view to a query string, leaving out what is empty or default. */
export function complianceViewParams(view: ComplianceView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    for (const value of view[key]) params.append(key, value);
  }
  if (view.by === 'team') params.set('by', 'team');
  return params;
}

/** The backend query for a view: every matching service, up to the API maximum. */
export function resultsQueryOf(view: ComplianceView): ResultsQuery {
  const query: ResultsQuery = { limit: 500 };
  if (view.owner.length) query.owner = view.owner;
  if (view.system.length) query.system = view.system;
  if (view.control.length) query.control = view.control;
  if (view.status.length) query.status = view.status;
  if (view.dataClassification.length) {
    query.dataClassification = view.dataClassification;
  }
  return query;
}

export function hasFilters(view: ComplianceView): boolean {
  return filterKeys.some(key => view[key].length > 0);
}
