import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import type { ServiceSummary } from '@carepath/plugin-fleet-common';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useFleetClusters } from '../../hooks/useFleetClusters';
import { useFleetLiveUpdates } from '../../hooks/useFleetLiveUpdates';
import { useFleetServices } from '../../hooks/useFleetServices';
import { useNow } from '../../hooks/useNow';
import { useUpdatedAt } from '../../hooks/useUpdatedAt';
import { FleetPageContent } from './FleetPageContent';
import type { EntityFilterOptions } from './FleetFilters';
import {
  fleetViewParams,
  parseFleetView,
  serviceQueryOf,
  type FleetView,
} from './fleetSearchParams';

/** Leaves room for the header, counts and filters above the table. */
function useTableHeight(): number {
  const measure = () => Math.max(360, window.innerHeight - 360);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const onResize = () => setHeight(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

/**
 * Filter values seen so far. The API has no facet endpoint, so the choices
 * grow as services are seen (the unfiltered first load sees them all).
 */
function useFilterOptions(items: ServiceSummary[] | undefined) {
  const [options, setOptions] = useState<EntityFilterOptions>({
    owner: [],
    system: [],
    lifecycle: [],
  });
  useEffect(() => {
    if (!items) return;
    setOptions(previous => {
      const merge = (key: keyof typeof previous) =>
        [
          ...new Set([
            ...previous[key],
            ...items.flatMap(service => {
              const value = service[key];
              return value ? [value] : [];
            }),
          ]),
        ].sort();
      return {
        owner: merge('owner'),
        system: merge('system'),
        lifecycle: merge('lifecycle'),
      };
    });
  }, [items]);
  return options;
}

/** The Fleet page: every service's live Kubernetes health, view kept in the URL. */
export function FleetPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const view = useMemo(
    () => parseFleetView(new URLSearchParams(search)),
    [search],
  );
  const onViewChange = useCallback(
    (next: FleetView) =>
      setSearchParams(fleetViewParams(next), { replace: true }),
    [setSearchParams],
  );

  const services = useFleetServices(serviceQueryOf(view));
  const clusters = useFleetClusters();
  const { retry: retryServices } = services;
  const { retry: retryClusters } = clusters;
  const mode = useFleetLiveUpdates(() => {
    retryServices();
    retryClusters();
  });
  const now = useNow();
  const updatedAt = useUpdatedAt(services);
  const entityHref = useEntityRefLink();
  const filterOptions = useFilterOptions(services.value?.items);
  const tableHeight = useTableHeight();

  return (
    <FleetPageContent
      view={view}
      onViewChange={onViewChange}
      services={services.value}
      loading={services.loading}
      error={services.error}
      onRetry={retryServices}
      clusters={clusters.value ?? []}
      clustersError={clusters.error}
      filterOptions={filterOptions}
      now={now}
      updatedAt={updatedAt}
      mode={mode}
      entityHref={entityHref}
      tableHeight={tableHeight}
    />
  );
}
