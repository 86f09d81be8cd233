import type { ServiceSummary } from '@carepath/plugin-fleet-common';
import { useMemo } from 'react';
import { FixedSizeList } from 'react-window';
import {
  ROW_HEIGHT,
  minTableWidth,
  useFleetTableStyles,
} from './fleetTableLayout';
import { FleetTableHeader, type FleetTableSort } from './FleetTableHeader';
import { FleetTableRow, type FleetRowData } from './FleetTableRow';

export interface FleetTableProps extends FleetTableSort {
  services: ServiceSummary[];
  clusters: string[];
  now: Date;
  entityHref: (entityRef: string) => string;
  /** Height of the scrolling body; only the rows in view are mounted. */
  height: number;
}

/**
 * Every service in one table. Rows are virtualised (react-window), so
 * thousands of services scroll smoothly; the ARIA table roles and row
 * indexes tell assistive technology how many rows there really are.
 */
export function FleetTable(props: FleetTableProps) {
  const { services, clusters, now, entityHref, height, ...sort } = props;
  const classes = useFleetTableStyles();
  const itemData = useMemo<FleetRowData>(
    () => ({ services, clusters, now, entityHref }),
    [services, clusters, now, entityHref],
  );
  return (
    <div className={classes.scroller}>
      <div
        role="table"
        aria-label="Services and their Kubernetes health"
        aria-rowcount={services.length + 1}
        style={{ minWidth: minTableWidth(clusters.length) }}
      >
        <FleetTableHeader clusters={clusters} {...sort} />
        <div role="rowgroup">
          <FixedSizeList
            height={Math.min(height, services.length * ROW_HEIGHT)}
            width="100%"
            itemCount={services.length}
            itemSize={ROW_HEIGHT}
            itemData={itemData}
            itemKey={(index, data) => data.services[index].entityRef}
            overscanCount={8}
          >
            {FleetTableRow}
          </FixedSizeList>
        </div>
      </div>
    </div>
  );
}
