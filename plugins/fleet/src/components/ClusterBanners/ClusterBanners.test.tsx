import { render, screen } from '@testing-library/react';
import { NOW, aClusterState, minutesAgo } from '../../__fixtures__/builders';
import { formatClock } from '../../lib/time';
import { ClusterBanners } from './ClusterBanners';

describe('ClusterBanners', () => {
  it('explains an unreachable cluster: since when, how old the data is, the last error', () => {
    const since = minutesAgo(3);
    render(
      <ClusterBanners
        now={NOW}
        clusters={[
          aClusterState({ name: 'prod-east' }),
          aClusterState({
            name: 'prod-west',
            state: 'unreachable',
            since,
            lastSyncedAt: minutesAgo(3),
            lastError: 'dial tcp 10.2.0.1:443: i/o timeout',
          }),
        ]}
      />,
    );
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('alert')).toHaveTextContent(
      `prod-west unreachable since ${formatClock(
        since,
        NOW,
      )} — showing data from 3 minutes ago. Last error: dial tcp 10.2.0.1:443: i/o timeout`,
    );
  });

  it('says when a cluster has sent no data yet', () => {
    render(
      <ClusterBanners
        now={NOW}
        clusters={[
          aClusterState({
            name: 'staging',
            state: 'syncing',
            lastSyncedAt: undefined,
          }),
        ]}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'no data received from it yet',
    );
  });

  it('renders nothing when every cluster is synced', () => {
    const { container } = render(
      <ClusterBanners now={NOW} clusters={[aClusterState()]} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
