import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  complianceExemptionRequestPermission,
  complianceResultsReadPermission,
  type ControlResult,
} from '@carepath/plugin-compliance-common';
import { useMemo, useState } from 'react';
import { complianceApiRef } from '../../api/ComplianceApi';
import { useComplianceControls } from '../../hooks/useComplianceControls';
import { useEntityCompliance } from '../../hooks/useEntityCompliance';
import { useExemptions } from '../../hooks/useExemptions';
import { ComplianceErrorPanel } from '../ComplianceErrorPanel/ComplianceErrorPanel';
import { EntityComplianceContent } from './EntityComplianceContent';
import { RequestExemptionDialog } from './RequestExemptionDialog';

/** The "Compliance" tab of an entity page. */
export function EntityCompliance(props: { now?: () => Date }) {
  const { now = () => new Date() } = props;
  const api = useApi(complianceApiRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const results = useEntityCompliance(entityRef);
  const controls = useComplianceControls();
  const pending = useExemptions('requested', entityRef);
  const { allowed: canRequest } = usePermission({
    permission: complianceExemptionRequestPermission,
    resourceRef: entityRef,
  });
  const [requesting, setRequesting] = useState<ControlResult>();
  const controlsById = useMemo(
    () =>
      Object.fromEntries((controls.value?.controls ?? []).map(c => [c.id, c])),
    [controls.value],
  );

  if (results.loading && !results.value) return <Progress />;
  if (results.error) {
    return (
      <ComplianceErrorPanel
        error={results.error}
        subject="this service's compliance results"
        permission={complianceResultsReadPermission.name}
        holders="the service's owners, compliance officers and the platform team"
        onRetry={results.retry}
      />
    );
  }
  return (
    <>
      <EntityComplianceContent
        results={results.value}
        controls={controlsById}
        pending={pending.value ?? []}
        warnings={[
          ...(controls.error
            ? [
                `Could not load the controls, so fixes and runbook links are missing: ${controls.error.message}`,
              ]
            : []),
          ...(pending.error
            ? [
                `Could not load pending exemption requests: ${pending.error.message}`,
              ]
            : []),
        ]}
        canRequest={canRequest}
        onRequest={setRequesting}
      />
      {requesting && (
        <RequestExemptionDialog
          entityRef={entityRef}
          result={requesting}
          now={now}
          onClose={() => setRequesting(undefined)}
          onSubmit={async request => {
            await api.requestExemption(request);
            setRequesting(undefined);
            pending.retry();
          }}
        />
      )}
    </>
  );
}
