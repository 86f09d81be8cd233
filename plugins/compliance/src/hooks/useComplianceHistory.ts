import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { complianceApiRef } from '../api/ComplianceApi';

const day = 24 * 60 * 60 * 1000;

/**
 * Score history over the last `days` (30 by default), one point per
 * evaluation, fleet-wide and per service. The window keeps the response
 * small: evaluations run every 15 minutes by default.
 */
export function useComplianceHistory(options: { days?: number } = {}) {
  const { days = 30 } = options;
  const api = useApi(complianceApiRef);
  const [from] = useState(() =>
    new Date(Date.now() - days * day).toISOString(),
  );
  return useAsyncRetry(() => api.getHistory({ from }), [api, from]);
}
