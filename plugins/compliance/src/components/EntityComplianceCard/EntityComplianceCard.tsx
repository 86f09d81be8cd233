import { Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import { complianceResultsReadPermission } from '@carepath/plugin-compliance-common';
import { useEntityCompliance } from '../../hooks/useEntityCompliance';
import { entityComplianceRouteRef } from '../../routes';
import { ComplianceErrorPanel } from '../ComplianceErrorPanel/ComplianceErrorPanel';
import { EntityComplianceCardContent } from './EntityComplianceCardContent';

/** Compact compliance for an entity's overview page. */
export function EntityComplianceCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const results = useEntityCompliance(entityRef);
  const tabRoute = useRouteRef(entityComplianceRouteRef);
  const entityLink = useEntityRefLink();
  const tabHref = tabRoute?.() ?? `${entityLink(entity)}/compliance`;

  if (results.loading && !results.value) return <Progress />;
  if (results.error) {
    return (
      <ComplianceErrorPanel
        error={results.error}
        subject="compliance results"
        permission={complianceResultsReadPermission.name}
        holders="the service's owners, compliance officers and the platform team"
        onRetry={results.retry}
      />
    );
  }
  return (
    <EntityComplianceCardContent results={results.value} tabHref={tabHref} />
  );
}
