import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { fleetApiRef } from '../api/FleetApi';

/** The connection state of every cluster. */
export function useFleetClusters() {
  const fleetApi = useApi(fleetApiRef);
  return useAsyncRetry(() => fleetApi.getClusters(), [fleetApi]);
}
