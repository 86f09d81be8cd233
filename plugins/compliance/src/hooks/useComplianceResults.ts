import { useApi } from '@backstage/core-plugin-api';
import type { ResultsQuery } from '@carepath/plugin-compliance-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { complianceApiRef } from '../api/ComplianceApi';

/** The evaluation in force, filtered by `query`; `retry` refetches. */
export function useComplianceResults(query: ResultsQuery) {
  const api = useApi(complianceApiRef);
  const key = JSON.stringify(query);
  // The key stands in for the query object, which is rebuilt on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsyncRetry(() => api.getResults(query), [api, key]);
}
