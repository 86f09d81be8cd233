import {
  compareHealth,
  type HealthStatus,
  type ServiceListResponse,
  type ServiceQuery,
  type ServiceSummary,
} from '@carepath/plugin-fleet-common';

const collator = new Intl.Collator('en');

/** Default page size of `GET /services`. */
export const DEFAULT_LIMIT = 100;

function anyOf(values: string[] | undefined, value: string | undefined) {
  return !values || (value !== undefined && values.includes(value));
}

function comparator(query: ServiceQuery) {
  const sort = query.sort ?? 'health';
  const descByDefault = ['health', 'restarts', 'lastChange'].includes(sort);
  const sign =
    (query.direction ?? (descByDefault ? 'desc' : 'asc')) === 'desc' ? -1 : 1;
  const text = (a?: string, b?: string) => collator.compare(a ?? '', b ?? '');
  const compare = (a: ServiceSummary, b: ServiceSummary): number => {
    switch (sort) {
      case 'health':
        return compareHealth(a.health.status, b.health.status);
      case 'restarts':
        return (
          a.restarts.total - b.restarts.total ||
          a.restarts.recent - b.restarts.recent
        );
      case 'lastChange':
        return text(a.lastChange, b.lastChange);
      case 'name':
        return text(a.title ?? a.name, b.title ?? b.name);
      default:
        return text(a[sort], b[sort]);
    }
  };
  return (a: ServiceSummary, b: ServiceSummary) =>
    sign * compare(a, b) || collator.compare(a.entityRef, b.entityRef);
}

/**
 * Filters, searches, sorts and pages service summaries. The `summary`
 * counts cover every service matching all filters except `health`, so a UI
 * can show a count per health chip.
 *
 * @public
 */
export function queryServices(
  services: ReadonlyArray<ServiceSummary>,
  query: ServiceQuery,
): ServiceListResponse {
  const q = query.q?.trim().toLowerCase();
  const base = services.filter(
    s =>
      anyOf(query.owner, s.owner) &&
      anyOf(query.system, s.system) &&
      anyOf(query.lifecycle, s.lifecycle) &&
      anyOf(query.dataClassification, s.dataClassification) &&
      (!query.cluster ||
        s.clusters.some(
          c => c.workloadCount > 0 && query.cluster!.includes(c.cluster),
        )) &&
      (!q ||
        [s.name, s.title, s.owner, s.system, s.entityRef].some(v =>
          v?.toLowerCase().includes(q),
        )),
  );
  const summary: ServiceListResponse['summary'] = {
    Healthy: 0,
    Suspended: 0,
    Progressing: 0,
    Missing: 0,
    Unknown: 0,
    Degraded: 0,
    total: base.length,
  };
  for (const s of base) summary[s.health.status] += 1;
  const health = query.health as HealthStatus[] | undefined;
  const matching = health
    ? base.filter(s => health.includes(s.health.status))
    : base;
  const sorted = [...matching].sort(comparator(query));
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_LIMIT;
  return {
    items: sorted.slice(offset, offset + limit),
    totalItems: matching.length,
    offset,
    limit,
    summary,
  };
}
