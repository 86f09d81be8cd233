import type {
  ControlStatus,
  ObservedValue,
} from '@carepath/plugin-compliance-common';
import type { ServiceCompliance } from '../../api/ComplianceApi';
import { worstStatus } from '../StatusChip/controlStatus';

export interface HeatMapCell {
  status: ControlStatus;
  /** Shown on hover: what was observed, or how a team's services split. */
  detail: string;
}

export interface HeatMapRow {
  /** An entity ref (a service or an owning team). */
  ref: string;
  cells: Record<string, HeatMapCell>;
}

export interface HeatMap {
  controls: string[];
  rows: HeatMapRow[];
}

function describe(value: ObservedValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function observedText(observed: Record<string, ObservedValue>): string {
  const text = Object.entries(observed)
    .map(([key, value]) => `${key}: ${describe(value)}`)
    .join('; ');
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

/** Services with no judged control (score `null`) go last. */
function byScore(a: ServiceCompliance, b: ServiceCompliance): number {
  return (
    (a.score ?? 2) - (b.score ?? 2) || a.entityRef.localeCompare(b.entityRef)
  );
}

/** Rows for services without an owner, which have no entity to link to. */
export const noOwner = 'no owner';

/** Services (or teams) × controls. A team's cell is its worst service's status. */
export function heatMapRows(
  items: ServiceCompliance[],
  by: 'service' | 'team',
): HeatMap {
  const controls = [
    ...new Set(items.flatMap(s => s.results.map(r => r.controlId))),
  ].sort();
  if (by === 'service') {
    return {
      controls,
      // Worst services first, so what needs attention is at the top.
      rows: [...items].sort(byScore).map(service => ({
        ref: service.entityRef,
        cells: Object.fromEntries(
          service.results.map(r => [
            r.controlId,
            { status: r.status, detail: observedText(r.observed) },
          ]),
        ),
      })),
    };
  }
  const teams = new Map<string, ServiceCompliance[]>();
  for (const service of items) {
    const owner = service.owner ?? noOwner;
    teams.set(owner, [...(teams.get(owner) ?? []), service]);
  }
  const rows = [...teams.entries()].sort().map(([ref, services]) => {
    const cells: Record<string, HeatMapCell> = {};
    for (const controlId of controls) {
      const found = services.flatMap(s =>
        s.results.filter(r => r.controlId === controlId).map(r => r.status),
      );
      if (found.length === 0) continue;
      const failing = found.filter(s => s === 'fail').length;
      cells[controlId] = {
        status: worstStatus(found),
        detail: `${failing} of ${found.length} services failing`,
      };
    }
    return { ref, cells };
  });
  return { controls, rows };
}
