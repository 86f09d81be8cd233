import { Progress } from '@backstage/core-components';
import type {
  ClusterState,
  HealthStatus,
  ServiceListResponse,
  ServiceSortField,
} from '@carepath/plugin-fleet-common';
import { Box, Typography } from '@material-ui/core';
import type { LiveUpdateMode } from '../../hooks/useFleetLiveUpdates';
import { ClusterBanners } from '../ClusterBanners/ClusterBanners';
import { FleetErrorPanel } from '../FleetErrorPanel/FleetErrorPanel';
import { LastUpdated } from '../LastUpdated/LastUpdated';
import { FleetEmptyState } from './FleetEmptyState';
import { FleetNotices } from './FleetNotices';
import { FleetFilters, type EntityFilterOptions } from './FleetFilters';
import { FleetTable } from './FleetTable';
import {
  clearFilters,
  defaultDirection,
  hasFilters,
  type FleetView,
} from './fleetSearchParams';
import { HealthSummaryBar } from './HealthSummaryBar';
import { NoMatchingServices } from './NoMatchingServices';

export interface FleetPageContentProps {
  view: FleetView;
  onViewChange: (view: FleetView) => void;
  services?: ServiceListResponse;
  loading: boolean;
  error?: Error;
  onRetry: () => void;
  clusters: ClusterState[];
  clustersError?: Error;
  filterOptions: EntityFilterOptions;
  now: Date;
  updatedAt?: Date;
  mode: LiveUpdateMode;
  entityHref: (entityRef: string) => string;
  tableHeight: number;
}

/** The Fleet page for given data: banners, counts, filters and the table. */
export function FleetPageContent(props: FleetPageContentProps) {
  const { view, onViewChange, services, loading, error, onRetry } = props;
  const { clusters, clustersError, now, updatedAt, mode } = props;

  if (!services) {
    if (error) return <FleetErrorPanel error={error} onRetry={onRetry} />;
    return <Progress />;
  }

  const clusterNames = [
    ...new Set([
      ...clusters.map(c => c.name),
      ...services.items.flatMap(s => s.clusters.map(c => c.cluster)),
    ]),
  ].sort();
  const toggleHealth = (status: HealthStatus) =>
    onViewChange({
      ...view,
      health: view.health.includes(status)
        ? view.health.filter(s => s !== status)
        : [...view.health, status],
    });
  const sortBy = (field: ServiceSortField) => {
    const current = view.sort ?? 'health';
    const currentDirection = view.direction ?? defaultDirection(current);
    let direction = defaultDirection(field);
    if (field === current) {
      direction = currentDirection === 'asc' ? 'desc' : 'asc';
    }
    onViewChange({ ...view, sort: field, direction });
  };

  if (services.summary.total === 0 && !hasFilters(view)) {
    return (
      <>
        <ClusterBanners clusters={clusters} now={now} />
        <FleetEmptyState />
      </>
    );
  }

  return (
    <>
      <ClusterBanners clusters={clusters} now={now} />
      <FleetNotices
        refreshError={error}
        clustersError={clustersError}
        updatedAt={updatedAt}
        now={now}
      />
      <HealthSummaryBar
        summary={services.summary}
        selected={view.health}
        onToggle={toggleHealth}
      />
      <FleetFilters
        view={view}
        options={{ ...props.filterOptions, cluster: clusterNames }}
        onChange={onViewChange}
      />
      <Box display="flex" justifyContent="space-between" mb={1}>
        <Typography variant="body2" color="textSecondary">
          {services.totalItems > services.items.length
            ? `Showing the first ${services.items.length.toLocaleString(
                'en-GB',
              )} of ${services.totalItems.toLocaleString(
                'en-GB',
              )} services; narrow the filter to see the rest.`
            : `${services.totalItems.toLocaleString('en-GB')} services`}
        </Typography>
        <LastUpdated
          updatedAt={updatedAt}
          now={now}
          mode={mode}
          refreshing={loading}
        />
      </Box>
      {services.items.length === 0 ? (
        <NoMatchingServices onClear={() => onViewChange(clearFilters(view))} />
      ) : (
        <FleetTable
          services={services.items}
          clusters={clusterNames}
          now={now}
          entityHref={props.entityHref}
          height={props.tableHeight}
          sort={view.sort}
          direction={view.direction}
          onSort={sortBy}
        />
      )}
    </>
  );
}
