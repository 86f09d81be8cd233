/**
 * The fixed health vocabulary, listed from best to worst.
 *
 * - `Healthy`: running as desired.
 * - `Suspended`: deliberately stopped (paused Deployment, suspended Job or
 *   CronJob, HPA with scaling disabled).
 * - `Progressing`: moving towards the desired state (rollout, scale, start-up).
 * - `Missing`: expected but not found.
 * - `Unknown`: no trustworthy data (cluster unreachable or stale, pod phase
 *   Unknown).
 * - `Degraded`: known to be failing.
 *
 * Unlike Argo CD, `Degraded` ranks worse than `Unknown`: a confirmed failure in
 * one cluster must not be hidden behind "no data" from another cluster when
 * health is rolled up with "worst wins". The per-cluster breakdown still shows
 * the `Unknown` cluster.
 *
 * @public
 */
export const healthStatuses = [
  'Healthy',
  'Suspended',
  'Progressing',
  'Missing',
  'Unknown',
  'Degraded',
] as const;

/**
 * One of {@link healthStatuses}.
 *
 * @public
 */
export type HealthStatus = (typeof healthStatuses)[number];

const rank: Record<HealthStatus, number> = {
  Healthy: 0,
  Suspended: 1,
  Progressing: 2,
  Missing: 3,
  Unknown: 4,
  Degraded: 5,
};

/**
 * Orders two statuses by badness: negative when `a` is better than `b`,
 * positive when worse, zero when equal. Sorting with it puts the best first.
 *
 * @public
 */
export function compareHealth(a: HealthStatus, b: HealthStatus): number {
  return rank[a] - rank[b];
}

/**
 * The worst of the given statuses; `Healthy` for an empty list (nothing is
 * wrong with nothing — callers that must distinguish "no data" check for
 * emptiness themselves).
 *
 * @public
 */
export function worstOf(statuses: Iterable<HealthStatus>): HealthStatus {
  let worst: HealthStatus = 'Healthy';
  for (const status of statuses) {
    if (rank[status] > rank[worst]) {
      worst = status;
    }
  }
  return worst;
}

/**
 * Whether a value is one of the known health statuses (for parsing query
 * parameters and API responses).
 *
 * @public
 */
export function isHealthStatus(value: unknown): value is HealthStatus {
  return (
    typeof value === 'string' &&
    (healthStatuses as readonly string[]).includes(value)
  );
}

/**
 * The health of one Kubernetes object: a status and a specific, human
 * message explaining it (also for `Healthy`, e.g. "3 of 3 replicas
 * available").
 *
 * @public
 */
export interface WorkloadHealth {
  status: HealthStatus;
  message: string;
}
