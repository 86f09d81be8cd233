import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { complianceApiRef } from '../../api/ComplianceApi';
import { FakeComplianceApi } from '../../__fixtures__/FakeComplianceApi';
import {
  aControl,
  aControlResult,
  aFailingResult,
  aForbiddenError,
  aService,
  anEntityResult,
} from '../../__fixtures__/builders';
import { allowOnly } from '../../__fixtures__/permissions';
import { EntityCompliance } from './EntityCompliance';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'lab-results', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/laboratory' },
};
const ref = 'component:default/lab-results';
const results = anEntityResult(
  aService({
    results: [
      aControlResult({
        controlId: 'CP-AUD-01',
        title: 'Audit logging declared',
      }),
      aFailingResult({ controlId: 'CP-INT-03' }),
      aControlResult({
        controlId: 'CP-TX-04',
        title: 'No LoadBalancer Service',
        status: 'exempt',
        exemption: {
          id: 'ex-9',
          justification: 'Vendor appliance',
          decidedBy: 'user:default/olga.officer',
          expiresAt: '2027-03-01T00:00:00.000Z',
        },
      }),
    ],
  }),
);

async function renderTab(api: FakeComplianceApi) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityCompliance now={() => new Date('2026-11-24T15:00:00.000Z')} />
    </EntityProvider>,
    {
      apis: [
        [complianceApiRef, api],
        [permissionApiRef, allowOnly('compliance.exemption.request')],
      ],
    },
  );
}

const withResults = () =>
  new FakeComplianceApi({
    entityResults: { [ref]: results },
    controls: {
      controlsVersion: '2026.11.0',
      source: 'hipaa-controls.yaml',
      controls: [aControl()],
    },
  });

describe('EntityCompliance', () => {
  it('shows pass, fail with what was observed and how to fix it, and exempt until a date', async () => {
    await renderTab(withResults());
    const failing = await screen.findByRole('region', {
      name: 'CP-INT-03 Images are pinned',
    });
    expect(within(failing).getByText('✗ Fail')).toBeInTheDocument();
    expect(
      within(failing).getByText('ghcr.io/carepath/lab-results:latest'),
    ).toBeInTheDocument();
    expect(
      within(failing).getByText(/HIPAA 164\.312\(c\)\(1\)/),
    ).toBeInTheDocument();
    expect(
      within(failing).getByText('Fix: Pin the image to a digest.'),
    ).toBeInTheDocument();
    expect(
      within(failing).getByRole('link', { name: 'Read more about CP-INT-03' }),
    ).toHaveAttribute(
      'href',
      'https://runbooks.carepath.example/controls/CP-INT-03',
    );
    expect(screen.getByText('✓ Pass')).toBeInTheDocument();
    expect(screen.getByText('E Exempt until 2027-03-01')).toBeInTheDocument();
    expect(screen.getByText(/1 pass · 1 fail · 1 exempt/)).toBeInTheDocument();
  });

  it('validates the exemption request, then sends it and shows it pending', async () => {
    const api = withResults();
    await renderTab(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Request exemption' }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Justification/),
      'Soon',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request exemption' }),
    );
    expect(
      within(dialog).getByText(/at least 20 characters \(4 so far\)/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Choose the day the exemption ends.'),
    ).toBeInTheDocument();
    expect(api.requests).toEqual([]);

    await userEvent.type(
      within(dialog).getByLabelText(/Justification/),
      ': the vendor image is rebuilt with digests in January.',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Expires on/),
      '2027-01-31',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request exemption' }),
    );
    await waitFor(() =>
      expect(api.requests).toEqual([
        {
          entityRef: ref,
          controlId: 'CP-INT-03',
          justification:
            'Soon: the vendor image is rebuilt with digests in January.',
          expiresAt: '2027-01-31T00:00:00.000Z',
        },
      ]),
    );
    expect(
      await screen.findByText(
        /Pending exemption requests: CP-INT-03 until 2027-01-31/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Exemption requested')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request exemption' }),
    ).not.toBeInTheDocument();
  });

  it('names the permission it needs on a 403', async () => {
    await renderTab(
      new FakeComplianceApi({
        entityResults: { [ref]: await aForbiddenError() },
      }),
    );
    expect(
      await screen.findByText(/needs the compliance\.results\.read permission/),
    ).toBeInTheDocument();
  });

  it('says when fixes cannot be shown because the controls failed to load', async () => {
    await renderTab(
      new FakeComplianceApi({
        entityResults: { [ref]: results },
        controls: new Error('Bad gateway'),
      }),
    );
    expect(
      await screen.findByText(/Could not load the controls.*Bad gateway/),
    ).toBeInTheDocument();
  });

  it('explains when the service was not evaluated yet', async () => {
    await renderTab(new FakeComplianceApi());
    expect(
      await screen.findByText(/has not been evaluated yet/),
    ).toBeInTheDocument();
  });
});
