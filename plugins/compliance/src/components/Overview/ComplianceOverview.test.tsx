import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { complianceApiRef } from '../../api/ComplianceApi';
import { FakeComplianceApi } from '../../__fixtures__/FakeComplianceApi';
import {
  aFailingResult,
  aForbiddenError,
  aControlResult,
  aHistoryPoint,
  aService,
  aSummary,
  anEvaluation,
  anExemption,
  someResults,
} from '../../__fixtures__/builders';
import { allowOnly } from '../../__fixtures__/permissions';
import { ComplianceOverview } from './ComplianceOverview';

function LocationProbe() {
  return <output aria-label="location">{useLocation().search}</output>;
}

async function renderOverview(
  api: FakeComplianceApi,
  options: { url?: string } = {},
) {
  await renderInTestApp(
    <>
      <ComplianceOverview />
      <LocationProbe />
    </>,
    {
      apis: [
        [complianceApiRef, api],
        [permissionApiRef, allowOnly('compliance.evaluate')],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: [options.url ?? '/compliance'],
    },
  );
}

const labResults = aService({
  results: [
    aFailingResult({ controlId: 'CP-INT-03' }),
    aControlResult({ controlId: 'CP-AUD-01', status: 'pass' }),
  ],
});
const portal = aService({
  entityRef: 'component:default/patient-portal',
  owner: 'group:default/digital-front-door',
  results: [
    aControlResult({ controlId: 'CP-INT-03', status: 'exempt' }),
    aControlResult({ controlId: 'CP-AUD-01', status: 'not-applicable' }),
  ],
});
const evaluated = () =>
  new FakeComplianceApi({
    results: someResults([labResults, portal], {
      evaluation: anEvaluation({
        unavailableSources: [
          { source: 'fleet', reason: 'connection refused', services: 2 },
        ],
      }),
      summary: aSummary({
        overallScore: 0.5,
        failingControls: [
          {
            controlId: 'CP-INT-03',
            title: 'Images are pinned',
            hipaa: ['164.312(c)(1)'],
            severity: 'high',
            failingServices: 1,
            exemptServices: 1,
          },
        ],
      }),
    }),
    exemptions: [anExemption()],
    history: {
      overall: [
        aHistoryPoint('2026-11-22T08:00:00.000Z', 0.4),
        aHistoryPoint('2026-11-24T08:00:00.000Z', 0.5),
      ],
      services: [],
    },
  });

describe('ComplianceOverview', () => {
  it('shows the score, unavailable sources, ranked failing controls, heat map and trend', async () => {
    const api = evaluated();
    await renderOverview(api);
    expect(
      await screen.findByLabelText('Overall score 50%'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/controls version 2026\.11\.0/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /fleet was unavailable: live workload controls are not-applicable/,
      ),
    ).toBeInTheDocument();
    const failing = screen.getByRole('table', { name: 'Failing controls' });
    expect(within(failing).getByText('164.312(c)(1)')).toBeInTheDocument();
    expect(
      screen.getByLabelText('component:default/lab-results CP-INT-03: Fail'),
    ).toHaveTextContent('✗');
    expect(
      screen.getByLabelText(
        'component:default/patient-portal CP-INT-03: Exempt',
      ),
    ).toHaveTextContent('E');
    expect(
      screen.getByLabelText('component:default/lab-results CP-INT-03: Fail'),
    ).toHaveAttribute('title', expect.stringContaining(':latest'));
    expect(
      screen.getByRole('img', { name: /from 40% on 2026-11-22 to 50%/ }),
    ).toBeInTheDocument();
    expect(api.historyQueries[0].from).toEqual(expect.any(String));
    expect(
      screen.getByText(/1 exemption request is waiting for a decision/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Export/ }),
    ).not.toBeInTheDocument();
  });

  it('filters by a failing control on click and keeps it in the URL', async () => {
    const api = evaluated();
    await renderOverview(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'CP-INT-03' }),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('location')).toHaveTextContent(
        '?control=CP-INT-03',
      ),
    );
    await waitFor(() =>
      expect(api.resultQueries.at(-1)).toEqual({
        limit: 500,
        control: ['CP-INT-03'],
      }),
    );
  });

  it('writes a chosen owner to the URL and asks for it', async () => {
    const api = evaluated();
    await renderOverview(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Owner' }));
    await userEvent.click(screen.getByRole('option', { name: 'laboratory' }));
    await waitFor(() =>
      expect(screen.getByLabelText('location')).toHaveTextContent(
        '?owner=group%3Adefault%2Flaboratory',
      ),
    );
    await waitFor(() =>
      expect(api.resultQueries.at(-1)).toEqual({
        limit: 500,
        owner: ['group:default/laboratory'],
      }),
    );
  });

  it('reads filters from the URL and groups the heat map by team', async () => {
    const api = evaluated();
    await renderOverview(api, { url: '/compliance?status=fail&by=team' });
    expect(
      await screen.findByLabelText('group:default/laboratory CP-INT-03: Fail'),
    ).toBeInTheDocument();
    expect(api.resultQueries[0]).toEqual({ limit: 500, status: ['fail'] });
  });

  it('offers evaluate now to those allowed, and reloads after it', async () => {
    const api = evaluated();
    await renderOverview(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Evaluate now' }),
    );
    await waitFor(() => expect(api.resultQueries.length).toBe(2));
    expect(api.evaluations).toBe(1);
  });

  it('explains the schedule when nothing was evaluated yet', async () => {
    await renderOverview(new FakeComplianceApi());
    expect(
      await screen.findByText('No compliance evaluation yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/every 15 minutes/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Evaluate now' }),
    ).toBeInTheDocument();
  });

  it('names the permission it needs on a 403', async () => {
    const denied = await aForbiddenError();
    await renderOverview(new FakeComplianceApi({ results: denied }));
    expect(
      await screen.findByText(/needs the compliance\.results\.read permission/),
    ).toBeInTheDocument();
  });

  it('shows other errors with a retry', async () => {
    await renderOverview(
      new FakeComplianceApi({ results: new Error('Bad gateway') }),
    );
    expect((await screen.findAllByText(/Bad gateway/))[0]).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
