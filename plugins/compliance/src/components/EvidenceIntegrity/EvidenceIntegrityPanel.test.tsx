import { renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { complianceApiRef } from '../../api/ComplianceApi';
import { FakeComplianceApi } from '../../__fixtures__/FakeComplianceApi';
import { allowOnly } from '../../__fixtures__/permissions';
import { EvidenceIntegrityContent } from './EvidenceIntegrityContent';
import { EvidenceIntegrityPanel } from './EvidenceIntegrityPanel';

async function verifyWith(api: FakeComplianceApi) {
  await renderInTestApp(<EvidenceIntegrityPanel />, {
    apis: [
      [complianceApiRef, api],
      [permissionApiRef, allowOnly('compliance.evidence.verify')],
    ],
  });
  await userEvent.click(
    await screen.findByRole('button', { name: 'Verify evidence' }),
  );
}

describe('EvidenceIntegrityPanel', () => {
  it('reports both chains intact with how many records were checked', async () => {
    await verifyWith(
      new FakeComplianceApi({
        verification: {
          ok: true,
          evidence: { ok: true, checked: 1240 },
          auditTrail: { ok: true, checked: 87 },
        },
      }),
    );
    expect(
      await screen.findByText('Evidence: intact, 1240 records checked.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Audit trail: intact, 87 records checked.'),
    ).toBeInTheDocument();
  });

  it('names the first bad record and the problem', async () => {
    await verifyWith(
      new FakeComplianceApi({
        verification: {
          ok: false,
          evidence: {
            ok: false,
            checked: 512,
            firstBadSeq: 311,
            problem: 'hash does not match the record',
          },
          auditTrail: { ok: true, checked: 87 },
        },
      }),
    );
    expect(
      await screen.findByText(/broken at record 311 — hash does not match/),
    ).toBeInTheDocument();
  });

  it('explains the permission instead of a button for others', async () => {
    await renderInTestApp(
      <EvidenceIntegrityContent
        canVerify={false}
        verifying={false}
        onVerify={() => {}}
      />,
    );
    expect(
      screen.getByText(/needs the compliance\.evidence\.verify permission/),
    ).toBeInTheDocument();
  });
});
