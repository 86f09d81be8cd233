import type { ClusterHealth } from './rollupClusterHealth';
import { rollupServiceHealth } from './rollupServiceHealth';

function cluster(overrides: Partial<ClusterHealth> & { cluster: string }) {
  return {
    status: 'Healthy' as const,
    message: '1 workload healthy, 3 of 3 replicas ready',
    ready: 3,
    desired: 3,
    restarts: { total: 1, recent: 0 },
    workloadCount: 1,
    lastChange: '2025-11-24T13:58:41Z',
    ...overrides,
  };
}

const degraded = cluster({
  cluster: 'prod-west',
  status: 'Degraded',
  message: 'Deployment patient-portal-api: Pod x: CrashLoopBackOff',
  ready: 1,
  restarts: { total: 7, recent: 1 },
  lastChange: '2025-11-24T14:07:51Z',
});
const unreachable = cluster({
  cluster: 'prod-central',
  status: 'Unknown',
  message:
    'Cluster prod-central unreachable since 14:02 UTC; last good data 8 minutes old',
});
const missing = cluster({
  cluster: 'dr-north',
  status: 'Missing',
  message: 'No workloads found in cluster dr-north',
  ready: 0,
  desired: 0,
  restarts: { total: 0, recent: 0 },
  workloadCount: 0,
  lastChange: undefined,
});

describe('rollupServiceHealth', () => {
  it('is healthy when every cluster is', () => {
    expect(
      rollupServiceHealth({
        clusters: [
          cluster({ cluster: 'prod-east' }),
          cluster({ cluster: 'prod-west' }),
        ],
      }),
    ).toMatchObject({
      status: 'Healthy',
      message:
        'Healthy in 2 clusters (prod-east, prod-west), 6 of 6 replicas ready',
      ready: 6,
      desired: 6,
      restarts: { total: 2, recent: 0 },
    });
  });

  it('lets a confirmed failure win over an unreachable cluster, keeping the breakdown', () => {
    const result = rollupServiceHealth({
      clusters: [unreachable, cluster({ cluster: 'prod-east' }), degraded],
    });
    expect(result).toMatchObject({
      status: 'Degraded',
      message:
        'prod-west: Deployment patient-portal-api: Pod x: CrashLoopBackOff (and 1 more cluster)',
      ready: 7,
      desired: 9,
      restarts: { total: 9, recent: 1 },
      lastChange: '2025-11-24T14:07:51Z',
    });
    expect(result.clusters.map(c => [c.cluster, c.status])).toEqual([
      ['prod-west', 'Degraded'],
      ['prod-central', 'Unknown'],
      ['prod-east', 'Healthy'],
    ]);
  });

  it('ignores clusters the service is not deployed to', () => {
    expect(
      rollupServiceHealth({
        clusters: [missing, cluster({ cluster: 'prod-east' })],
      }).status,
    ).toBe('Healthy');
  });

  it('counts a cluster the service is expected in', () => {
    expect(
      rollupServiceHealth({
        clusters: [missing, cluster({ cluster: 'prod-east' })],
        expectedClusters: ['dr-north'],
      }),
    ).toMatchObject({
      status: 'Missing',
      message: 'dr-north: No workloads found in cluster dr-north',
    });
  });

  it('is Missing when no cluster has workloads', () => {
    expect(rollupServiceHealth({ clusters: [missing] })).toMatchObject({
      status: 'Missing',
      message: 'No workloads found in any cluster (dr-north)',
    });
  });

  it('is Unknown when the only possible cluster is unreachable without data', () => {
    expect(
      rollupServiceHealth({
        clusters: [missing, { ...unreachable, workloadCount: 0 }],
      }),
    ).toMatchObject({
      status: 'Unknown',
      message:
        'No data: Cluster prod-central unreachable since 14:02 UTC; last good data 8 minutes old',
    });
  });
});
