import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { complianceApiRef } from '../api/ComplianceApi';

/** Score history, one point per evaluation, fleet-wide and per service. */
export function useComplianceHistory() {
  const api = useApi(complianceApiRef);
  return useAsyncRetry(() => api.getHistory(), [api]);
}
