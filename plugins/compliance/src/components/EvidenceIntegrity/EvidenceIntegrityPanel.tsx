import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { complianceEvidenceVerifyPermission } from '@carepath/plugin-compliance-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { complianceApiRef } from '../../api/ComplianceApi';
import { EvidenceIntegrityContent } from './EvidenceIntegrityContent';

/** Verifies the evidence and audit-trail hash chains on request. */
export function EvidenceIntegrityPanel() {
  const api = useApi(complianceApiRef);
  const { allowed } = usePermission({
    permission: complianceEvidenceVerifyPermission,
  });
  const [state, verify] = useAsyncFn(() => api.verifyEvidence(), [api]);
  return (
    <EvidenceIntegrityContent
      canVerify={allowed}
      verifying={state.loading}
      verification={state.value}
      error={state.error}
      onVerify={verify}
    />
  );
}
