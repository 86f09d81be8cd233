import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  NOW,
  aClusterState,
  aServiceList,
  aServiceSummary,
  minutesAgo,
} from '../../__fixtures__/builders';
import {
  FleetPageContent,
  type FleetPageContentProps,
} from './FleetPageContent';
import { parseFleetView } from './fleetSearchParams';

function renderContent(overrides: Partial<FleetPageContentProps>) {
  const onViewChange = jest.fn();
  const props: FleetPageContentProps = {
    view: parseFleetView(new URLSearchParams()),
    onViewChange,
    services: aServiceList([aServiceSummary()]),
    loading: false,
    onRetry: jest.fn(),
    clusters: [aClusterState()],
    filterOptions: { owner: [], system: [], lifecycle: [] },
    now: NOW,
    updatedAt: new Date(NOW.getTime() - 120_000),
    mode: 'polling',
    entityHref: ref => `/catalog/${ref}`,
    tableHeight: 400,
    ...overrides,
  };
  return { onViewChange, ...renderInTestApp(<FleetPageContent {...props} />) };
}

describe('FleetPageContent', () => {
  it('shows progress until the first answer arrives', async () => {
    renderContent({ services: undefined, loading: true });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('keeps showing the last data when a refresh fails, and says how old it is', async () => {
    renderContent({ error: new Error('Gateway timeout') });
    expect(
      await screen.findByText(
        /Could not refresh; showing data from 2 minutes ago/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'patient-portal-api' }),
    ).toBeInTheDocument();
  });

  it('offers to clear filters that match nothing', async () => {
    const { onViewChange } = renderContent({
      view: parseFleetView(new URLSearchParams('health=Missing&sort=name')),
      services: aServiceList([], {
        summary: aServiceList([aServiceSummary()]).summary,
      }),
    });
    expect(
      await screen.findByText('No services match these filters.'),
    ).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: 'Clear filters' });
    await userEvent.click(buttons[buttons.length - 1]);
    expect(onViewChange).toHaveBeenCalledWith(
      expect.objectContaining({ health: [], sort: 'name' }),
    );
  });

  it('still shows services when every cluster is unreachable', async () => {
    renderContent({
      clusters: [
        aClusterState({
          name: 'prod-east',
          state: 'unreachable',
          lastSyncedAt: minutesAgo(5),
        }),
        aClusterState({
          name: 'prod-west',
          state: 'unreachable',
          lastSyncedAt: minutesAgo(5),
        }),
      ],
    });
    expect(await screen.findAllByRole('alert')).toHaveLength(2);
    expect(
      screen.getByRole('link', { name: 'patient-portal-api' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Refreshing every 15 seconds · updated 2 minutes ago/),
    ).toBeInTheDocument();
  });
});
