import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { complianceApiRef } from './api/ComplianceApi';
import { FakeComplianceApi } from './__fixtures__/FakeComplianceApi';
import {
  aFailingResult,
  aService,
  anAuditEvent,
  anExemption,
  someResults,
} from './__fixtures__/builders';
import { allowOnly } from './__fixtures__/permissions';
import compliancePlugin from './index';

function renderApp(path: string) {
  renderTestApp({
    features: [compliancePlugin],
    apis: [
      [
        complianceApiRef,
        new FakeComplianceApi({
          results: someResults([aService({ results: [aFailingResult()] })]),
          exemptions: [anExemption()],
          auditEvents: [anAuditEvent()],
        }),
      ],
      [permissionApiRef, allowOnly()],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    initialRouteEntries: [path],
  });
}

describe('compliance plugin in an app', () => {
  it('serves the overview under /compliance with a single page heading', async () => {
    renderApp('/compliance/overview');
    expect(
      await screen.findByLabelText('Overall score 50%'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(
      await screen.findByRole('link', { name: 'Open the exemptions queue' }),
    ).toHaveAttribute('href', '/compliance/exemptions');
  });

  it.each([
    ['/compliance/exemptions', 'Pending requests (1)'],
    ['/compliance/audit-trail', 'exemption.approved'],
    ['/compliance/evidence', /append-only chain/],
  ])('serves %s', async (path, text) => {
    renderApp(path);
    expect(await screen.findByText(text)).toBeInTheDocument();
  });
});
