import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { fleetApiRef } from '../api/FleetApi';

/** One page of workloads that no catalog entity claims. */
export function useUnregisteredWorkloads(query: {
  offset: number;
  limit: number;
}) {
  const fleetApi = useApi(fleetApiRef);
  const { offset, limit } = query;
  return useAsyncRetry(
    () => fleetApi.getUnregisteredWorkloads({ offset, limit }),
    [fleetApi, offset, limit],
  );
}
