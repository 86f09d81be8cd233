import type {
  ClusterHealth,
  ClusterState,
  EventProjection,
  HealthStatus,
  HealthSummaryCounts,
  PodReason,
  ServiceClusterDetail,
  ServiceDetail,
  ServiceListResponse,
  ServicePodHealth,
  ServiceSummary,
  ServiceWorkloadHealth,
  UnregisteredWorkload,
} from '@carepath/plugin-fleet-common';
import { healthStatuses } from '@carepath/plugin-fleet-common';

/** The fixed "now" of every fixture. */
export const NOW = new Date('2026-11-24T14:05:00Z');

/** An ISO timestamp `minutes` before {@link NOW}. */
export function minutesAgo(minutes: number): string {
  return new Date(NOW.getTime() - minutes * 60_000).toISOString();
}

export function aClusterHealth(
  overrides: Partial<ClusterHealth> = {},
): ClusterHealth {
  return {
    cluster: 'prod-east',
    status: 'Healthy',
    message: '1 workload healthy, 3 of 3 replicas ready',
    ready: 3,
    desired: 3,
    restarts: { total: 0, recent: 0 },
    lastChange: minutesAgo(42),
    workloadCount: 1,
    ...overrides,
  };
}

export function aServiceSummary(
  overrides: Partial<ServiceSummary> = {},
): ServiceSummary {
  const name = overrides.name ?? 'patient-portal-api';
  return {
    entityRef: `component:default/${name}`,
    name,
    namespace: 'default',
    kind: 'Component',
    owner: 'group:default/patient-experience',
    system: 'patient-portal',
    lifecycle: 'production',
    dataClassification: 'phi',
    health: { status: 'Healthy', message: '3 of 3 replicas available' },
    clusters: [aClusterHealth()],
    ready: 3,
    desired: 3,
    restarts: { total: 0, recent: 0 },
    lastChange: minutesAgo(42),
    ...overrides,
  };
}

export function summaryOf(items: ServiceSummary[]): HealthSummaryCounts {
  const counts = Object.fromEntries(healthStatuses.map(s => [s, 0])) as Record<
    HealthStatus,
    number
  >;
  for (const item of items) counts[item.health.status] += 1;
  return { ...counts, total: items.length };
}

export function aServiceList(
  items: ServiceSummary[],
  overrides: Partial<ServiceListResponse> = {},
): ServiceListResponse {
  return {
    items,
    totalItems: items.length,
    offset: 0,
    limit: 5000,
    summary: summaryOf(items),
    ...overrides,
  };
}

/** `count` healthy services named `service-0001`, `service-0002`, ... */
export function manyServices(count: number): ServiceSummary[] {
  return Array.from({ length: count }, (_, i) =>
    aServiceSummary({ name: `service-${String(i + 1).padStart(4, '0')}` }),
  );
}

export function aClusterState(
  overrides: Partial<ClusterState> = {},
): ClusterState {
  return {
    name: 'prod-east',
    state: 'synced',
    since: minutesAgo(600),
    lastSyncedAt: minutesAgo(0),
    resourceCounts: { Deployment: 42, Pod: 180 },
    ...overrides,
  };
}

export function aWorkload(
  overrides: Partial<ServiceWorkloadHealth> = {},
): ServiceWorkloadHealth {
  return {
    kind: 'Deployment',
    namespace: 'patient-portal',
    name: 'patient-portal-api',
    uid: 'uid-deploy-1',
    status: 'Healthy',
    message: '3 of 3 replicas available',
    controllerHealth: {
      status: 'Healthy',
      message: '3 of 3 replicas available',
    },
    ready: 3,
    desired: 3,
    restarts: { total: 0, recent: 0 },
    lastChange: minutesAgo(42),
    images: ['registry.carepath.io/patient-portal-api:1.42.0'],
    pods: ['patient-portal-api-7d9c6b5f4-k2f8p'],
    ...overrides,
  };
}

export function aPodReason(overrides: Partial<PodReason> = {}): PodReason {
  return {
    code: 'CrashLoopBackOff',
    status: 'Degraded',
    container: 'api',
    message:
      'Back-off restarting failed container api (CrashLoopBackOff), last exit code 1 2 minutes ago',
    since: minutesAgo(2),
    ...overrides,
  };
}

export function aPod(
  overrides: Partial<ServicePodHealth> = {},
): ServicePodHealth {
  return {
    namespace: 'patient-portal',
    name: 'patient-portal-api-7d9c6b5f4-k2f8p',
    uid: 'uid-pod-1',
    workload: { kind: 'Deployment', name: 'patient-portal-api' },
    phase: 'Running',
    status: 'Healthy',
    message: 'Running',
    ready: true,
    readyContainers: 1,
    totalContainers: 1,
    restarts: { total: 0, recent: 0 },
    reasons: [],
    node: 'node-a1',
    createdAt: minutesAgo(180),
    images: ['registry.carepath.io/patient-portal-api:1.42.0'],
    ...overrides,
  };
}

export function anEvent(
  overrides: Partial<EventProjection> = {},
): EventProjection {
  return {
    namespace: 'patient-portal',
    name: 'patient-portal-api-7d9c6b5f4-k2f8p.1829',
    uid: 'uid-event-1',
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container api in pod',
    count: 14,
    firstTimestamp: minutesAgo(30),
    lastTimestamp: minutesAgo(1),
    involvedObject: { kind: 'Pod', name: 'patient-portal-api-7d9c6b5f4-k2f8p' },
    ...overrides,
  };
}

export function aClusterDetail(
  overrides: Partial<ServiceClusterDetail> = {},
): ServiceClusterDetail {
  return {
    ...aClusterHealth(),
    workloads: [aWorkload()],
    pods: [aPod()],
    events: [],
    clusterState: 'synced',
    ...overrides,
  };
}

export function aServiceDetail(
  overrides: Partial<ServiceDetail> = {},
): ServiceDetail {
  const { clusters: _clusters, ...summary } = aServiceSummary();
  return { ...summary, clusters: [aClusterDetail()], ...overrides };
}

export function anUnregisteredWorkload(
  overrides: Partial<UnregisteredWorkload> = {},
): UnregisteredWorkload {
  return {
    cluster: 'prod-east',
    kind: 'Deployment',
    namespace: 'radiology',
    name: 'dicom-router',
    uid: 'uid-unregistered-1',
    labels: { 'app.kubernetes.io/name': 'dicom-router' },
    health: { status: 'Healthy', message: '2 of 2 replicas available' },
    ready: 2,
    desired: 2,
    images: ['registry.carepath.io/dicom-router:3.1.4'],
    createdAt: minutesAgo(60 * 24 * 9),
    ...overrides,
  };
}
