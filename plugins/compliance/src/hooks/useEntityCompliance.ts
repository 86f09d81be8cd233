import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { complianceApiRef } from '../api/ComplianceApi';

/** One service's latest results; `value` is undefined when it was not evaluated. */
export function useEntityCompliance(entityRef: string) {
  const api = useApi(complianceApiRef);
  return useAsyncRetry(() => api.getEntityResults(entityRef), [api, entityRef]);
}
