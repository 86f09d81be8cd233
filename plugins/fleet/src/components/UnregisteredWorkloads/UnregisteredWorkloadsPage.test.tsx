import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fleetApiRef } from '../../api/FleetApi';
import { FakeFleetApi } from '../../__fixtures__/FakeFleetApi';
import { anUnregisteredWorkload } from '../../__fixtures__/builders';
import { UnregisteredWorkloadsPage } from './UnregisteredWorkloadsPage';

describe('UnregisteredWorkloadsPage', () => {
  it('lists unclaimed workloads and shows how to claim one', async () => {
    const api = new FakeFleetApi({
      unregistered: {
        items: [anUnregisteredWorkload()],
        totalItems: 60,
        offset: 0,
        limit: 25,
      },
    });
    await renderInTestApp(<UnregisteredWorkloadsPage />, {
      apis: [[fleetApiRef, api]],
    });

    const table = await screen.findByRole('table', {
      name: 'Unregistered workloads',
    });
    const row = within(table)
      .getByText('dicom-router')
      .closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('prod-east');
    expect(row).toHaveTextContent('radiology');
    expect(row).toHaveTextContent('registry.carepath.io/dicom-router:3.1.4');
    expect(row).toHaveTextContent('9 d');
    expect(
      screen.getByText(/no catalog entity claims them/),
    ).toBeInTheDocument();

    await userEvent.click(
      within(row).getByRole('button', { name: 'How to claim' }),
    );
    const instructions = await screen.findByRole('row', {
      name: /Label the Deployment/,
    });
    await waitFor(() =>
      expect(instructions).toHaveTextContent(
        'kubectl --context prod-east -n radiology label deployment/dicom-router backstage.io/kubernetes-id=dicom-router',
      ),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(api.unregisteredQueries.at(-1)).toEqual({ offset: 25, limit: 25 }),
    );
  });

  it('says so when every workload is claimed', async () => {
    await renderInTestApp(<UnregisteredWorkloadsPage />, {
      apis: [[fleetApiRef, new FakeFleetApi()]],
    });
    expect(
      await screen.findByText(
        'Every workload in every cluster belongs to a catalog entity.',
      ),
    ).toBeInTheDocument();
  });
});
