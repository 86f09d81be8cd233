import { useApi } from '@backstage/core-plugin-api';
import type { ServiceQuery } from '@carepath/plugin-fleet-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { fleetApiRef } from '../api/FleetApi';

/** Services matching `query`; `retry` refetches and keeps the current value meanwhile. */
export function useFleetServices(query: ServiceQuery) {
  const fleetApi = useApi(fleetApiRef);
  const key = JSON.stringify(query);
  // The key stands in for the query object, which is rebuilt on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsyncRetry(() => fleetApi.getServices(query), [fleetApi, key]);
}
