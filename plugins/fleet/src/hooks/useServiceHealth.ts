import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { fleetApiRef } from '../api/FleetApi';

/** One service's health in depth; the value is `undefined` when fleet does not know it. */
export function useServiceHealth(entityRef: string) {
  const fleetApi = useApi(fleetApiRef);
  return useAsyncRetry(
    () => fleetApi.getServiceHealth(entityRef),
    [fleetApi, entityRef],
  );
}
