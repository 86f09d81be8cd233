import { renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { complianceApiRef, type DownloadedFile } from '../../api/ComplianceApi';
import { FakeComplianceApi } from '../../__fixtures__/FakeComplianceApi';
import { allowOnly } from '../../__fixtures__/permissions';
import { ExportButtons } from './ExportButtons';

// Hidden without compliance.export: see ComplianceOverview.test.tsx.
describe('ExportButtons', () => {
  async function renderButtons(api: FakeComplianceApi) {
    const saved: DownloadedFile[] = [];
    await renderInTestApp(<ExportButtons save={file => saved.push(file)} />, {
      apis: [
        [complianceApiRef, api],
        [permissionApiRef, allowOnly('compliance.export')],
      ],
    });
    return saved;
  }

  it('downloads CSV and JSON under the filename the backend chose', async () => {
    const api = new FakeComplianceApi();
    const saved = await renderButtons(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(api.exports).toEqual([{ format: 'csv' }, { format: 'json' }]);
    expect(saved[0].filename).toBe('compliance-2026-11-24T08-00-00-000Z.csv');
  });

  it('says when an export fails', async () => {
    await renderButtons(
      new FakeComplianceApi({ file: new Error('No evaluation has run yet') }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    expect(
      await screen.findByText(/Export failed: No evaluation has run yet/),
    ).toBeInTheDocument();
  });
});
