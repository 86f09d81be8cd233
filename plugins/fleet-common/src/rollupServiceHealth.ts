import { compareHealth, worstOf, type HealthStatus } from './HealthStatus';
import type { Timestamp } from './projections';
import type { ClusterHealth, RestartCounts } from './rollupClusterHealth';
import { latestOf } from './time';

/**
 * The health of a service across all clusters.
 *
 * @public
 */
export interface ServiceHealth {
  status: HealthStatus;
  message: string;
  ready: number;
  desired: number;
  restarts: RestartCounts;
  lastChange?: Timestamp;
  /** Per-cluster breakdown, worst first. */
  clusters: ClusterHealth[];
}

/**
 * Options for {@link rollupServiceHealth}.
 *
 * @public
 */
export interface RollupServiceHealthOptions {
  /** The service's health in each cluster (from `rollupClusterHealth`). */
  clusters: ReadonlyArray<ClusterHealth>;
  /**
   * Clusters the service must run in (for example from the
   * `backstage.io/kubernetes-cluster` annotation). Without it, a cluster in
   * which the service has no workloads is taken to be one it is not deployed
   * to, and does not count.
   */
  expectedClusters?: ReadonlyArray<string>;
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Rolls per-cluster health up to the service: worst wins, with the
 * per-cluster breakdown kept.
 *
 * - Clusters where the service has no workloads (`Missing`) count only when
 *   listed in `expectedClusters`; likewise an `Unknown` cluster (unreachable)
 *   counts only when it had workloads for the service in its last good data
 *   or is expected.
 * - If no cluster counts, the service is `Unknown` when some cluster is
 *   unreachable or stale (it may be running there) and `Missing` otherwise.
 * - The message is the worst cluster's message prefixed with its name.
 *
 * @public
 */
export function rollupServiceHealth(
  options: RollupServiceHealthOptions,
): ServiceHealth {
  const expected = new Set(options.expectedClusters ?? []);
  const clusters = [...options.clusters].sort(
    (a, b) =>
      compareHealth(b.status, a.status) || a.cluster.localeCompare(b.cluster),
  );
  for (const name of expected) {
    if (!clusters.some(c => c.cluster === name)) {
      clusters.push({
        cluster: name,
        status: 'Missing',
        message: `No workloads found in cluster ${name}`,
        ready: 0,
        desired: 0,
        restarts: { total: 0, recent: 0 },
        workloadCount: 0,
      });
    }
  }
  const counts = (c: ClusterHealth) =>
    expected.has(c.cluster) || c.workloadCount > 0;
  const relevant = clusters.filter(counts);

  const ready = relevant.reduce((n, c) => n + c.ready, 0);
  const desired = relevant.reduce((n, c) => n + c.desired, 0);
  const restarts = relevant.reduce<RestartCounts>(
    (sum, c) => ({
      total: sum.total + c.restarts.total,
      recent: sum.recent + c.restarts.recent,
    }),
    { total: 0, recent: 0 },
  );
  const lastChange = latestOf(relevant.map(c => c.lastChange));

  let status: HealthStatus;
  let message: string;
  if (relevant.length === 0) {
    const unknown = clusters.find(c => c.status === 'Unknown');
    if (unknown) {
      status = 'Unknown';
      message = `No data: ${unknown.message}`;
    } else {
      status = 'Missing';
      message =
        clusters.length === 0
          ? 'No clusters report workloads for this service'
          : `No workloads found in any cluster (${clusters
              .map(c => c.cluster)
              .join(', ')})`;
    }
  } else {
    status = worstOf(relevant.map(c => c.status));
    const worst = relevant.filter(c => c.status === status);
    if (status === 'Healthy') {
      message = `Healthy in ${plural(relevant.length, 'cluster')} (${relevant
        .map(c => c.cluster)
        .join(', ')})${
        desired > 0 ? `, ${ready} of ${desired} replicas ready` : ''
      }`;
    } else {
      const others = relevant.filter(c => c.status !== 'Healthy').length - 1;
      message = `${worst[0].cluster}: ${worst[0].message}${
        others > 0 ? ` (and ${plural(others, 'more cluster')})` : ''
      }`;
    }
  }

  const result: ServiceHealth = {
    status,
    message,
    ready,
    desired,
    restarts,
    clusters: clusters.map(c => {
      const summary: ClusterHealth = {
        cluster: c.cluster,
        status: c.status,
        message: c.message,
        ready: c.ready,
        desired: c.desired,
        restarts: c.restarts,
        workloadCount: c.workloadCount,
      };
      if (c.lastChange) summary.lastChange = c.lastChange;
      return summary;
    }),
  };
  if (lastChange) result.lastChange = lastChange;
  return result;
}
