import { useApi } from '@backstage/core-plugin-api';
import type { ExemptionState } from '@carepath/plugin-compliance-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { complianceApiRef } from '../api/ComplianceApi';

/** Exemptions in `state` (all when absent), optionally for one entity. */
export function useExemptions(state?: ExemptionState, entityRef?: string) {
  const api = useApi(complianceApiRef);
  return useAsyncRetry(
    () => api.getExemptions({ state, entityRef }),
    [api, state, entityRef],
  );
}
