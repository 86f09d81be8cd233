import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  complianceExemptionDecidePermission,
  complianceResultsReadPermission,
  type Exemption,
} from '@carepath/plugin-compliance-common';
import { useState } from 'react';
import { complianceApiRef } from '../../api/ComplianceApi';
import { useExemptions } from '../../hooks/useExemptions';
import { ComplianceErrorPanel } from '../ComplianceErrorPanel/ComplianceErrorPanel';
import { DecisionDialog } from './DecisionDialog';
import { ExemptionsQueueContent } from './ExemptionsQueueContent';

/** The exemptions queue: compliance officers decide, everyone else reads. */
export function ExemptionsQueue() {
  const api = useApi(complianceApiRef);
  const exemptions = useExemptions();
  const { allowed: canDecide } = usePermission({
    permission: complianceExemptionDecidePermission,
  });
  const [deciding, setDeciding] = useState<{
    exemption: Exemption;
    decision: 'approve' | 'reject';
  }>();

  if (exemptions.loading && !exemptions.value) return <Progress />;
  if (exemptions.error && !exemptions.value) {
    return (
      <ComplianceErrorPanel
        error={exemptions.error}
        subject="exemptions"
        permission={complianceResultsReadPermission.name}
        holders="compliance officers, the platform team and service owners"
        onRetry={exemptions.retry}
      />
    );
  }
  return (
    <>
      <ExemptionsQueueContent
        exemptions={exemptions.value ?? []}
        canDecide={canDecide}
        onDecide={(exemption, decision) => setDeciding({ exemption, decision })}
      />
      {deciding && (
        <DecisionDialog
          exemption={deciding.exemption}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onDecide={async comment => {
            await api.decideExemption({
              id: deciding.exemption.id,
              decision: deciding.decision,
              comment,
            });
            setDeciding(undefined);
            exemptions.retry();
          }}
        />
      )}
    </>
  );
}
