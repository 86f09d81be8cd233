import {
  ApiBlueprint,
  PageBlueprint,
  SubPageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import type { ReactNode } from 'react';
import { complianceApiRef } from './api/ComplianceApi';
import { ComplianceClient } from './api/ComplianceClient';
import { isComplianceSubject } from './isComplianceSubject';
import {
  entityComplianceRouteRef,
  exemptionsRouteRef,
  rootRouteRef,
} from './routes';

async function inContent(element: Promise<ReactNode>) {
  const [{ Content }, child] = await Promise.all([
    import('@backstage/core-components'),
    element,
  ]);
  return <Content>{child}</Content>;
}

/** `api:compliance`: the HTTP client for the compliance backend. */
export const complianceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: complianceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ComplianceClient({ discoveryApi, fetchApi }),
    }),
});

/** `page:compliance`: the Compliance page at `/compliance`, with its nav item. */
export const compliancePage = PageBlueprint.make({
  params: {
    path: '/compliance',
    routeRef: rootRouteRef,
    title: 'Compliance',
    icon: <VerifiedUserIcon fontSize="inherit" />,
  },
});

/** `sub-page:compliance/overview`: score, failing controls, trend and heat map. */
export const complianceOverviewPage = SubPageBlueprint.make({
  name: 'overview',
  params: {
    path: 'overview',
    title: 'Overview',
    loader: () =>
      inContent(
        import('./components/Overview/ComplianceOverview').then(m => (
          <m.ComplianceOverview />
        )),
      ),
  },
});

/** `sub-page:compliance/exemptions`: the exemptions queue. */
export const complianceExemptionsPage = SubPageBlueprint.make({
  name: 'exemptions',
  params: {
    path: 'exemptions',
    title: 'Exemptions',
    routeRef: exemptionsRouteRef,
    loader: () =>
      inContent(
        import('./components/Exemptions/ExemptionsQueue').then(m => (
          <m.ExemptionsQueue />
        )),
      ),
  },
});

/** `sub-page:compliance/audit-trail`: audit events with CSV export. */
export const complianceAuditTrailPage = SubPageBlueprint.make({
  name: 'audit-trail',
  params: {
    path: 'audit-trail',
    title: 'Audit trail',
    loader: () =>
      inContent(
        import('./components/AuditTrail/AuditTrailPage').then(m => (
          <m.AuditTrailPage />
        )),
      ),
  },
});

/** `sub-page:compliance/evidence`: verify the evidence and audit hash chains. */
export const complianceEvidencePage = SubPageBlueprint.make({
  name: 'evidence',
  params: {
    path: 'evidence',
    title: 'Evidence integrity',
    loader: () =>
      inContent(
        import('./components/EvidenceIntegrity/EvidenceIntegrityPanel').then(
          m => <m.EvidenceIntegrityPanel />,
        ),
      ),
  },
});

/** `entity-content:compliance/compliance`: the entity "Compliance" tab. */
export const entityComplianceContent = EntityContentBlueprint.make({
  name: 'compliance',
  params: {
    path: 'compliance',
    title: 'Compliance',
    routeRef: entityComplianceRouteRef,
    filter: isComplianceSubject,
    loader: () =>
      import('./components/EntityCompliance/EntityCompliance').then(m => (
        <m.EntityCompliance />
      )),
  },
});

/** `entity-card:compliance/compliance`: the compact overview card. */
export const entityComplianceCard = EntityCardBlueprint.make({
  name: 'compliance',
  params: {
    type: 'info',
    filter: isComplianceSubject,
    loader: () =>
      import('./components/EntityComplianceCard/EntityComplianceCard').then(
        m => <m.EntityComplianceCard />,
      ),
  },
});

/**
 * The compliance frontend plugin: the Compliance page (overview, exemptions,
 * audit trail, evidence integrity), the entity "Compliance" tab and card, and
 * the API client.
 *
 * @public
 */
export const compliancePlugin = createFrontendPlugin({
  pluginId: 'compliance',
  title: 'Compliance',
  icon: <VerifiedUserIcon fontSize="inherit" />,
  routes: {
    root: rootRouteRef,
    exemptions: exemptionsRouteRef,
    entityCompliance: entityComplianceRouteRef,
  },
  extensions: [
    complianceApi,
    compliancePage,
    complianceOverviewPage,
    complianceExemptionsPage,
    complianceAuditTrailPage,
    complianceEvidencePage,
    entityComplianceContent,
    entityComplianceCard,
  ],
});
