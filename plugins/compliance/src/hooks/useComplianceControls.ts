import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { complianceApiRef } from '../api/ComplianceApi';

/** The controls in force, for their remediation text and links. */
export function useComplianceControls() {
  const api = useApi(complianceApiRef);
  return useAsync(() => api.getControls(), [api]);
}
