import type { ClusterState } from '@carepath/plugin-fleet-common';
import { Box } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { formatAgo, formatClock } from '../../lib/time';

/** The banner text for a cluster the backend cannot currently see. */
export function clusterBannerText(cluster: ClusterState, now: Date): string {
  const state = cluster.state === 'stale' ? 'data is stale' : cluster.state;
  const since = `${cluster.name} ${state} since ${formatClock(
    cluster.since,
    now,
  )}`;
  const data = cluster.lastSyncedAt
    ? `showing data from ${formatAgo(cluster.lastSyncedAt, now)}`
    : 'no data received from it yet';
  const error = cluster.lastError ? ` Last error: ${cluster.lastError}` : '';
  return `${since} — ${data}.${error}`;
}

/** Whether a cluster needs a banner: stale, unreachable, or never synced. */
export function isClusterDegraded(cluster: ClusterState): boolean {
  return (
    cluster.state === 'stale' ||
    cluster.state === 'unreachable' ||
    (cluster.state === 'syncing' && !cluster.lastSyncedAt)
  );
}

/**
 * One banner per cluster whose data is not current, so nobody mistakes old
 * data for live data. Everything else on the page keeps rendering.
 */
export function ClusterBanners(props: { clusters: ClusterState[]; now: Date }) {
  const { clusters, now } = props;
  const degraded = clusters.filter(isClusterDegraded);
  if (degraded.length === 0) return null;
  return (
    <Box display="flex" flexDirection="column" gridGap={8} mb={2}>
      {degraded.map(cluster => (
        <Alert
          key={cluster.name}
          severity={cluster.state === 'syncing' ? 'info' : 'warning'}
          data-cluster={cluster.name}
        >
          {clusterBannerText(cluster, now)}
        </Alert>
      ))}
    </Box>
  );
}
