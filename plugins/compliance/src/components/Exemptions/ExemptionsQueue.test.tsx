import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { complianceApiRef } from '../../api/ComplianceApi';
import { FakeComplianceApi } from '../../__fixtures__/FakeComplianceApi';
import { anExemption } from '../../__fixtures__/builders';
import { allowOnly } from '../../__fixtures__/permissions';
import { ExemptionsQueue } from './ExemptionsQueue';
import { ExemptionsQueueContent } from './ExemptionsQueueContent';

const pending = anExemption();
const decided = anExemption({
  id: 'ex-0',
  controlId: 'CP-TX-03',
  state: 'rejected',
  justification: 'A NodePort is needed for the lab analyser bridge.',
  decidedBy: 'user:default/olga.officer',
  decidedAt: '2026-11-21T09:00:00.000Z',
  decisionComment: 'NodePorts are never acceptable for PHI.',
});

async function renderQueue(api: FakeComplianceApi) {
  await renderInTestApp(<ExemptionsQueue />, {
    apis: [
      [complianceApiRef, api],
      [permissionApiRef, allowOnly('compliance.exemption.decide')],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('ExemptionsQueue', () => {
  it('shows pending requests and recent decisions', async () => {
    await renderQueue(
      new FakeComplianceApi({ exemptions: [pending, decided] }),
    );
    expect(await screen.findByText('Pending requests (1)')).toBeInTheDocument();
    expect(screen.getByText(pending.justification)).toBeInTheDocument();
    expect(screen.getAllByText('user:default/dana.dev')).toHaveLength(2);
    expect(
      screen.getByText('NodePorts are never acceptable for PHI.'),
    ).toBeInTheDocument();
  });

  it('is read-only for those who cannot decide', async () => {
    await renderInTestApp(
      <ExemptionsQueueContent
        exemptions={[pending]}
        canDecide={false}
        onDecide={() => {}}
      />,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(screen.getByText(/^Read-only/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Approve/ }),
    ).not.toBeInTheDocument();
  });

  it('approves with a required comment', async () => {
    const api = new FakeComplianceApi({ exemptions: [pending] });
    await renderQueue(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Approve CP-TX-04 for component:default/lab-results',
      }),
    );
    const approve = screen.getByRole('button', { name: 'Approve' });
    expect(approve).toBeDisabled();
    await userEvent.type(
      screen.getByRole('textbox', { name: /Comment/ }),
      'Accepted until the vendor ships TLS.',
    );
    await userEvent.click(approve);
    await waitFor(() =>
      expect(api.decisions).toEqual([
        {
          id: 'ex-1',
          decision: 'approve',
          comment: 'Accepted until the vendor ships TLS.',
        },
      ]),
    );
    await waitFor(() => expect(api.exemptionQueries.length).toBe(2));
  });
});
