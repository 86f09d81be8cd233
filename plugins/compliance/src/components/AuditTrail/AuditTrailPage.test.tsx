import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { complianceApiRef, type DownloadedFile } from '../../api/ComplianceApi';
import { FakeComplianceApi } from '../../__fixtures__/FakeComplianceApi';
import { aForbiddenError, anAuditEvent } from '../../__fixtures__/builders';
import { AuditTrailPage } from './AuditTrailPage';

async function renderTrail(api: FakeComplianceApi) {
  const saved: DownloadedFile[] = [];
  await renderInTestApp(<AuditTrailPage save={file => saved.push(file)} />, {
    apis: [[complianceApiRef, api]],
  });
  return saved;
}

describe('AuditTrailPage', () => {
  it('lists events, filters them and exports the filtered CSV', async () => {
    const api = new FakeComplianceApi({ auditEvents: [anAuditEvent()] });
    const saved = await renderTrail(api);
    expect(await screen.findByText('exemption.approved')).toBeInTheDocument();
    expect(screen.getByText('2026-11-24 09:00 UTC')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Actor'), 'user:default/olga');
    fireEvent.change(screen.getByLabelText('From (UTC)'), {
      target: { value: '2026-11-01' },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Apply filters' }),
    );
    await waitFor(() =>
      expect(api.auditQueries.at(-1)).toEqual({
        actor: 'user:default/olga',
        from: '2026-11-01T00:00:00.000Z',
      }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.auditQueries.at(-1)).toEqual({
      actor: 'user:default/olga',
      from: '2026-11-01T00:00:00.000Z',
    });
  });

  it('explains that the trail needs compliance.export', async () => {
    await renderTrail(
      new FakeComplianceApi({ auditEvents: await aForbiddenError() }),
    );
    expect(
      await screen.findByText(/needs the compliance\.export permission/),
    ).toBeInTheDocument();
  });
});
