import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { fleetApiRef } from './api/FleetApi';
import { FakeFleetApi } from './__fixtures__/FakeFleetApi';
import {
  aServiceList,
  aServiceSummary,
  anUnregisteredWorkload,
} from './__fixtures__/builders';
import fleetPlugin from './index';

function renderApp(path: string) {
  renderTestApp({
    features: [fleetPlugin],
    apis: [
      [
        fleetApiRef,
        new FakeFleetApi({
          services: aServiceList([aServiceSummary()]),
          unregistered: {
            items: [anUnregisteredWorkload()],
            totalItems: 1,
            offset: 0,
            limit: 25,
          },
        }),
      ],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    initialRouteEntries: [path],
  });
}

describe('fleet plugin in an app', () => {
  it('serves the services tab under /fleet with a single page heading', async () => {
    renderApp('/fleet/services');
    expect(
      await screen.findByRole('link', { name: 'patient-portal-api' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('serves the unregistered workloads tab', async () => {
    renderApp('/fleet/unregistered');
    expect(await screen.findByText('dicom-router')).toBeInTheDocument();
  });
});
