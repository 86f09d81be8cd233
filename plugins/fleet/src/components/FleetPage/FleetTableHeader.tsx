import type {
  ServiceSortField,
  SortDirection,
} from '@carepath/plugin-fleet-common';
import { TableSortLabel } from '@material-ui/core';
import { defaultDirection } from './fleetSearchParams';
import { gridColumns, useFleetTableStyles } from './fleetTableLayout';

export interface FleetTableSort {
  sort?: ServiceSortField;
  direction?: SortDirection;
  onSort: (field: ServiceSortField) => void;
}

type Column = { label: string; field?: ServiceSortField; numeric?: boolean };

const leading: Column[] = [
  { label: 'Service', field: 'name' },
  { label: 'Health', field: 'health' },
  { label: 'Owner', field: 'owner' },
  { label: 'System', field: 'system' },
  { label: 'Lifecycle', field: 'lifecycle' },
  { label: 'Data', field: 'dataClassification' },
];

const trailing: Column[] = [
  { label: 'Ready', numeric: true },
  { label: 'Restarts', field: 'restarts', numeric: true },
  { label: 'Last change', field: 'lastChange' },
];

/** The column headers; sortable ones are buttons and announce their sort. */
export function FleetTableHeader(
  props: FleetTableSort & { clusters: string[] },
) {
  const { clusters, sort = 'health', direction, onSort } = props;
  const classes = useFleetTableStyles();
  const columns: Column[] = [
    ...leading,
    ...clusters.map(cluster => ({ label: cluster })),
    ...trailing,
  ];
  const activeDirection = direction ?? defaultDirection(sort);
  return (
    <div role="rowgroup">
      <div
        role="row"
        aria-rowindex={1}
        className={`${classes.row} ${classes.header}`}
        style={{ gridTemplateColumns: gridColumns(clusters.length) }}
      >
        {columns.map(column => {
          const active = column.field !== undefined && column.field === sort;
          let ariaSort: 'ascending' | 'descending' | undefined;
          if (active) {
            ariaSort = activeDirection === 'asc' ? 'ascending' : 'descending';
          }
          return (
            <div
              key={column.label}
              role="columnheader"
              aria-sort={ariaSort}
              className={`${classes.headerCell} ${
                column.numeric ? classes.numeric : ''
              }`}
            >
              {column.field ? (
                <TableSortLabel
                  active={active}
                  hideSortIcon
                  direction={active ? activeDirection : 'asc'}
                  onClick={() => column.field && onSort(column.field)}
                >
                  {column.label}
                </TableSortLabel>
              ) : (
                column.label
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
