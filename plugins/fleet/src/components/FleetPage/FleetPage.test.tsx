import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { fleetApiRef } from '../../api/FleetApi';
import { FakeFleetApi } from '../../__fixtures__/FakeFleetApi';
import {
  aClusterHealth,
  aClusterState,
  aServiceList,
  aServiceSummary,
  manyServices,
  minutesAgo,
} from '../../__fixtures__/builders';
import { FleetPage } from './FleetPage';

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="location">{location.search}</output>;
}

async function renderPage(api: FakeFleetApi, url = '/fleet') {
  await renderInTestApp(
    <>
      <FleetPage />
      <LocationProbe />
    </>,
    {
      apis: [[fleetApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: [url],
    },
  );
}

const crashing = aServiceSummary({
  name: 'pharmacy-dispenser',
  dataClassification: 'pii',
  health: { status: 'Degraded', message: '2 of 3 pods CrashLoopBackOff' },
  clusters: [
    aClusterHealth({
      cluster: 'prod-east',
      status: 'Degraded',
      message: '2 of 3 pods CrashLoopBackOff',
    }),
    aClusterHealth({
      cluster: 'prod-west',
      status: 'Unknown',
      message: 'Cluster prod-west unreachable',
    }),
  ],
  ready: 1,
  restarts: { total: 14, recent: 2 },
});
const portal = aServiceSummary({
  clusters: [
    aClusterHealth({ cluster: 'prod-east' }),
    aClusterHealth({
      cluster: 'staging',
      status: 'Progressing',
      message: 'Rollout',
    }),
  ],
});

describe('FleetPage', () => {
  it('renders the counts, a row per service and a chip per cluster', async () => {
    const api = new FakeFleetApi({
      services: aServiceList([crashing, portal]),
      clusters: [
        aClusterState({ name: 'prod-east' }),
        aClusterState({ name: 'prod-west' }),
        aClusterState({ name: 'staging' }),
      ],
    });
    await renderPage(api);

    expect(
      await screen.findByRole('button', { name: '1 Degraded' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: '1 Healthy' }),
    ).toBeInTheDocument();
    const headers = screen.getAllByRole('columnheader').map(h => h.textContent);
    expect(headers).toEqual(
      expect.arrayContaining(['prod-east', 'prod-west', 'staging']),
    );

    const row = screen
      .getByRole('link', { name: 'pharmacy-dispenser' })
      .closest('[role="row"]') as HTMLElement;
    expect(row).toHaveAttribute('aria-rowindex', '2');
    expect(
      within(row).getByRole('button', { name: 'prod-west: Unknown' }),
    ).toBeInTheDocument();
    expect(within(row).getByText('1/3')).toBeInTheDocument();
    expect(within(row).getByText('2 new')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'pharmacy-dispenser' }),
    ).toHaveAttribute('href', '/catalog/default/component/pharmacy-dispenser');
  });

  it('shows a banner for a stale cluster and still renders the rest', async () => {
    const api = new FakeFleetApi({
      services: aServiceList([crashing, portal]),
      clusters: [
        aClusterState({ name: 'prod-east' }),
        aClusterState({
          name: 'prod-west',
          state: 'stale',
          lastSyncedAt: minutesAgo(3),
          lastError: 'watch closed: 410 Gone',
        }),
      ],
    });
    await renderPage(api);
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(
      /prod-west data is stale since .* Last error: watch closed: 410 Gone/,
    );
    expect(
      screen.getByRole('link', { name: 'patient-portal-api' }),
    ).toBeInTheDocument();
  });

  it('keeps filters, search and sort in the URL', async () => {
    const api = new FakeFleetApi({ services: aServiceList([crashing]) });
    await renderPage(api, '/fleet?health=Degraded&q=pharm&sort=name&order=asc');

    await screen.findByRole('link', { name: 'pharmacy-dispenser' });
    expect(api.serviceQueries[0]).toEqual({
      health: ['Degraded'],
      q: 'pharm',
      sort: 'name',
      direction: 'asc',
      limit: 5000,
    });
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue(
      'pharm',
    );
    expect(
      screen.getByRole('columnheader', { name: 'Service' }),
    ).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(screen.getByRole('button', { name: '0 Unknown' }));
    await userEvent.click(screen.getByRole('button', { name: 'Restarts' }));
    const location = screen.getByRole('status', { name: 'location' });
    await waitFor(() =>
      expect(location).toHaveTextContent(
        '?health=Degraded&health=Unknown&q=pharm&sort=restarts&order=desc',
      ),
    );
    await waitFor(() =>
      expect(api.serviceQueries.at(-1)).toMatchObject({
        health: ['Degraded', 'Unknown'],
        sort: 'restarts',
        direction: 'desc',
      }),
    );
  });

  it('mounts only a window of rows out of 5,000', async () => {
    const api = new FakeFleetApi({
      services: aServiceList(manyServices(5000)),
    });
    await renderPage(api);
    await screen.findByRole('link', { name: 'service-0001' });
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '5001');
    const rows = screen.getAllByRole('row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(
      screen.queryByRole('link', { name: 'service-5000' }),
    ).not.toBeInTheDocument();
  });

  it('explains the annotation when no service has one', async () => {
    await renderPage(new FakeFleetApi());
    expect(
      await screen.findByText('No services report Kubernetes health yet'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/backstage\.io\/kubernetes-id/).length,
    ).toBeGreaterThan(0);
  });

  it('shows the error with a retry that recovers', async () => {
    const api = new FakeFleetApi({
      services: new Error('Fleet backend unavailable'),
    });
    await renderPage(api);
    expect(
      (await screen.findAllByText(/Fleet backend unavailable/))[0],
    ).toBeInTheDocument();
    api.services = aServiceList([portal]);
    await act(() =>
      userEvent.click(screen.getByRole('button', { name: 'Retry' })),
    );
    expect(
      await screen.findByRole('link', { name: 'patient-portal-api' }),
    ).toBeInTheDocument();
  });

  it('tells people without the permission what they need', async () => {
    const forbidden = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'Forbidden' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await renderPage(new FakeFleetApi({ services: forbidden }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'needs the fleet.read permission',
    );
  });
});
