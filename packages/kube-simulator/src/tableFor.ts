import { PrinterColumn, ResourceType } from './ResourceType';
import { KubeObject } from './types';

type Cell = string | number | boolean | null;

interface Column {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority: number;
  cells: (obj: KubeObject, now: number) => Cell;
}

/** Formats a duration like the Kubernetes `HumanDuration` helper. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  if (h < 24 * 8)
    return h % 24 === 0
      ? `${Math.floor(h / 24)}d`
      : `${Math.floor(h / 24)}d${h % 24}h`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24)}d`;
  const y = Math.floor(h / 24 / 365);
  if (y < 8) return `${y}y${Math.floor(h / 24) % 365}d`;
  return `${y}y`;
}

function path(obj: unknown, dotted: string): unknown {
  let current = obj;
  for (const seg of dotted.replace(/^\./, '').split('.')) {
    if (!seg) continue;
    const m = /^([^[]+)\[(\d+)\]$/.exec(seg);
    if (current === null || typeof current !== 'object') return undefined;
    if (m) {
      const arr = (current as Record<string, unknown>)[m[1]];
      current = Array.isArray(arr) ? arr[Number(m[2])] : undefined;
    } else {
      current = (current as Record<string, unknown>)[seg];
    }
  }
  return current;
}

const num = (obj: KubeObject, p: string) => Number(path(obj, p) ?? 0);
const age =
  (field = 'metadata.creationTimestamp') =>
  (obj: KubeObject, now: number) => {
    const t = path(obj, field);
    return typeof t === 'string'
      ? humanDuration(now - Date.parse(t))
      : '<unknown>';
  };

interface ContainerLike {
  name: string;
  image: string;
}
const containersOf = (obj: KubeObject, p = 'spec.template.spec.containers') =>
  (path(obj, p) as ContainerLike[] | undefined) ?? [];
const selectorString = (obj: KubeObject) => {
  const sel = path(obj, 'spec.selector') as
    | { matchLabels?: Record<string, string> }
    | undefined;
  return (
    Object.entries(sel?.matchLabels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',') || '<none>'
  );
};

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string };
    terminated?: { reason?: string; exitCode?: number; signal?: number };
  };
  lastState?: { terminated?: { finishedAt?: string } };
}

function podStatusReason(pod: KubeObject): string {
  const status = (pod.status ?? {}) as {
    phase?: string;
    reason?: string;
    containerStatuses?: ContainerStatus[];
    conditions?: Array<{ type: string; status: string }>;
  };
  let reason = status.reason ?? status.phase ?? 'Unknown';
  let hasRunning = false;
  for (const cs of [...(status.containerStatuses ?? [])].reverse()) {
    if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason;
    else if (cs.state?.terminated?.reason) reason = cs.state.terminated.reason;
    else if (cs.state?.terminated)
      reason = cs.state.terminated.signal
        ? `Signal:${cs.state.terminated.signal}`
        : `ExitCode:${cs.state.terminated.exitCode}`;
    else if (cs.ready) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) {
    const ready = status.conditions?.some(
      c => c.type === 'Ready' && c.status === 'True',
    );
    reason = ready ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp) reason = 'Terminating';
  return reason;
}

function podRestarts(pod: KubeObject, now: number): string {
  const statuses =
    (pod.status as { containerStatuses?: ContainerStatus[] } | undefined)
      ?.containerStatuses ?? [];
  let restarts = 0;
  let last = 0;
  for (const cs of statuses) {
    restarts += cs.restartCount ?? 0;
    const finished = cs.lastState?.terminated?.finishedAt;
    if (finished) last = Math.max(last, Date.parse(finished));
  }
  return last && restarts
    ? `${restarts} (${humanDuration(now - last)} ago)`
    : String(restarts);
}

const nameColumn: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  priority: 0,
  cells: o => o.metadata.name ?? '',
};
const ageColumn: Column = {
  name: 'Age',
  type: 'string',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
  priority: 0,
  cells: age(),
};
const col = (
  name: string,
  cells: Column['cells'],
  priority = 0,
  type = 'string',
): Column => ({ name, type, priority, cells });

const workloadExtras = [
  col(
    'Containers',
    o =>
      containersOf(o)
        .map(c => c.name)
        .join(','),
    1,
  ),
  col(
    'Images',
    o =>
      containersOf(o)
        .map(c => c.image)
        .join(','),
    1,
  ),
  col('Selector', selectorString, 1),
];

const columnsByResource: Record<string, Column[]> = {
  '/pods': [
    nameColumn,
    col('Ready', o => {
      const cs =
        (o.status as { containerStatuses?: ContainerStatus[] } | undefined)
          ?.containerStatuses ?? [];
      const total = (
        (o.spec as { containers?: unknown[] } | undefined)?.containers ?? []
      ).length;
      return `${cs.filter(c => c.ready).length}/${total}`;
    }),
    col('Status', podStatusReason),
    col('Restarts', podRestarts),
    ageColumn,
    col('IP', o => String(path(o, 'status.podIP') ?? '<none>'), 1),
    col('Node', o => String(path(o, 'spec.nodeName') ?? '<none>'), 1),
    col('Nominated Node', () => '<none>', 1),
    col('Readiness Gates', () => '<none>', 1),
  ],
  'apps/deployments': [
    nameColumn,
    col(
      'Ready',
      o => `${num(o, 'status.readyReplicas')}/${num(o, 'spec.replicas')}`,
    ),
    col('Up-to-date', o => num(o, 'status.updatedReplicas'), 0, 'integer'),
    col('Available', o => num(o, 'status.availableReplicas'), 0, 'integer'),
    ageColumn,
    ...workloadExtras,
  ],
  'apps/replicasets': [
    nameColumn,
    col('Desired', o => num(o, 'spec.replicas'), 0, 'integer'),
    col('Current', o => num(o, 'status.replicas'), 0, 'integer'),
    col('Ready', o => num(o, 'status.readyReplicas'), 0, 'integer'),
    ageColumn,
    ...workloadExtras,
  ],
  'apps/statefulsets': [
    nameColumn,
    col(
      'Ready',
      o => `${num(o, 'status.readyReplicas')}/${num(o, 'spec.replicas')}`,
    ),
    ageColumn,
    ...workloadExtras.slice(0, 2),
  ],
  'apps/daemonsets': [
    nameColumn,
    col('Desired', o => num(o, 'status.desiredNumberScheduled'), 0, 'integer'),
    col('Current', o => num(o, 'status.currentNumberScheduled'), 0, 'integer'),
    col('Ready', o => num(o, 'status.numberReady'), 0, 'integer'),
    col(
      'Up-to-date',
      o => num(o, 'status.updatedNumberScheduled'),
      0,
      'integer',
    ),
    col('Available', o => num(o, 'status.numberAvailable'), 0, 'integer'),
    col(
      'Node Selector',
      o =>
        Object.entries(
          (path(o, 'spec.template.spec.nodeSelector') as Record<
            string,
            string
          >) ?? {},
        )
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
    ),
    ageColumn,
    ...workloadExtras,
  ],
  '/services': [
    nameColumn,
    col('Type', o => String(path(o, 'spec.type') ?? 'ClusterIP')),
    col('Cluster-IP', o => String(path(o, 'spec.clusterIP') ?? '<none>')),
    col(
      'External-IP',
      o =>
        (
          (path(o, 'status.loadBalancer.ingress') as
            | Array<{ ip?: string }>
            | undefined) ?? []
        )
          .map(i => i.ip)
          .join(',') ||
        (path(o, 'spec.type') === 'LoadBalancer' ? '<pending>' : '<none>'),
    ),
    col(
      'Port(s)',
      o =>
        (
          (path(o, 'spec.ports') as
            | Array<{ port: number; nodePort?: number; protocol?: string }>
            | undefined) ?? []
        )
          .map(
            p =>
              `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${
                p.protocol ?? 'TCP'
              }`,
          )
          .join(',') || '<none>',
    ),
    ageColumn,
    col(
      'Selector',
      o =>
        Object.entries(
          (path(o, 'spec.selector') as Record<string, string>) ?? {},
        )
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
      1,
    ),
  ],
  'batch/jobs': [
    nameColumn,
    col('Status', o => {
      const conds =
        (path(o, 'status.conditions') as
          | Array<{ type: string; status: string }>
          | undefined) ?? [];
      if (conds.some(c => c.type === 'Complete' && c.status === 'True'))
        return 'Complete';
      if (conds.some(c => c.type === 'Failed' && c.status === 'True'))
        return 'Failed';
      return 'Running';
    }),
    col(
      'Completions',
      o => `${num(o, 'status.succeeded')}/${num(o, 'spec.completions') || 1}`,
    ),
    col('Duration', (o, now) => {
      const start = path(o, 'status.startTime');
      const end = path(o, 'status.completionTime');
      if (typeof start !== 'string') return '';
      return humanDuration(
        (typeof end === 'string' ? Date.parse(end) : now) - Date.parse(start),
      );
    }),
    ageColumn,
  ],
  'batch/cronjobs': [
    nameColumn,
    col('Schedule', o => String(path(o, 'spec.schedule') ?? '')),
    col('Timezone', o => String(path(o, 'spec.timeZone') ?? '<none>')),
    col('Suspend', o => Boolean(path(o, 'spec.suspend')), 0, 'boolean'),
    col(
      'Active',
      o => ((path(o, 'status.active') as unknown[] | undefined) ?? []).length,
      0,
      'integer',
    ),
    col('Last Schedule', age('status.lastScheduleTime')),
    ageColumn,
  ],
  'autoscaling/horizontalpodautoscalers': [
    nameColumn,
    col(
      'Reference',
      o =>
        `${path(o, 'spec.scaleTargetRef.kind')}/${path(
          o,
          'spec.scaleTargetRef.name',
        )}`,
    ),
    col('Targets', o => {
      const current = path(
        o,
        'status.currentMetrics[0].resource.current.averageUtilization',
      );
      const target = path(
        o,
        'spec.metrics[0].resource.target.averageUtilization',
      );
      return `cpu: ${current ?? '<unknown>'}${
        current !== undefined ? '%' : ''
      }/${target ?? 80}%`;
    }),
    col('MinPods', o => num(o, 'spec.minReplicas') || 1, 0, 'integer'),
    col('MaxPods', o => num(o, 'spec.maxReplicas'), 0, 'integer'),
    col('Replicas', o => num(o, 'status.currentReplicas'), 0, 'integer'),
    ageColumn,
  ],
  '/namespaces': [
    nameColumn,
    col('Status', o => String(path(o, 'status.phase') ?? 'Active')),
    ageColumn,
  ],
  '/nodes': [
    nameColumn,
    col('Status', o =>
      (o.spec as { unschedulable?: boolean } | undefined)?.unschedulable
        ? 'Ready,SchedulingDisabled'
        : 'Ready',
    ),
    col(
      'Roles',
      o =>
        Object.keys(o.metadata.labels ?? {})
          .filter(k => k.startsWith('node-role.kubernetes.io/'))
          .map(k => k.split('/')[1])
          .join(',') || '<none>',
    ),
    ageColumn,
    col('Version', o =>
      String(path(o, 'status.nodeInfo.kubeletVersion') ?? ''),
    ),
  ],
  '/events': [
    col('Last Seen', age('lastTimestamp')),
    col('Type', o => String(path(o, 'type') ?? '')),
    col('Reason', o => String(path(o, 'reason') ?? '')),
    col(
      'Object',
      o =>
        `${String(path(o, 'involvedObject.kind') ?? '').toLowerCase()}/${path(
          o,
          'involvedObject.name',
        )}`,
    ),
    col('Message', o => String(path(o, 'message') ?? '')),
  ],
  '/configmaps': [
    nameColumn,
    col(
      'Data',
      o =>
        Object.keys((o.data as object) ?? {}).length +
        Object.keys((o.binaryData as object) ?? {}).length,
      0,
      'integer',
    ),
    ageColumn,
  ],
  '/secrets': [
    nameColumn,
    col('Type', o => String(o.type ?? 'Opaque')),
    col(
      'Data',
      o => Object.keys((o.data as object) ?? {}).length,
      0,
      'integer',
    ),
    ageColumn,
  ],
  '/endpoints': [
    nameColumn,
    col('Endpoints', o => {
      const subsets =
        (o.subsets as
          | Array<{
              addresses?: Array<{ ip: string }>;
              ports?: Array<{ port: number }>;
            }>
          | undefined) ?? [];
      const all = subsets.flatMap(s =>
        (s.addresses ?? []).flatMap(a =>
          s.ports?.length ? s.ports.map(p => `${a.ip}:${p.port}`) : [a.ip],
        ),
      );
      if (all.length === 0) return '<none>';
      return all.length > 3
        ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...`
        : all.join(',');
    }),
    ageColumn,
  ],
  'policy/poddisruptionbudgets': [
    nameColumn,
    col('Min Available', o => String(path(o, 'spec.minAvailable') ?? 'N/A')),
    col('Max Unavailable', o =>
      String(path(o, 'spec.maxUnavailable') ?? 'N/A'),
    ),
    col(
      'Allowed Disruptions',
      o => num(o, 'status.disruptionsAllowed'),
      0,
      'integer',
    ),
    ageColumn,
  ],
  'networking.k8s.io/networkpolicies': [
    nameColumn,
    col(
      'Pod-Selector',
      o =>
        Object.entries(
          (path(o, 'spec.podSelector.matchLabels') as Record<string, string>) ??
            {},
        )
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || '<none>',
    ),
    ageColumn,
  ],
  'networking.k8s.io/ingresses': [
    nameColumn,
    col('Class', o => String(path(o, 'spec.ingressClassName') ?? '<none>')),
    col(
      'Hosts',
      o =>
        ((path(o, 'spec.rules') as Array<{ host?: string }> | undefined) ?? [])
          .map(r => r.host ?? '*')
          .join(',') || '*',
    ),
    col('Address', () => ''),
    col('Ports', o =>
      (path(o, 'spec.tls') as unknown[] | undefined)?.length ? '80, 443' : '80',
    ),
    ageColumn,
  ],
  'apiextensions.k8s.io/customresourcedefinitions': [
    nameColumn,
    col(
      'Created At',
      o => String(o.metadata.creationTimestamp ?? ''),
      0,
      'date',
    ),
  ],
  '/serviceaccounts': [
    nameColumn,
    col('Secrets', o => ((o.secrets as unknown[]) ?? []).length, 0, 'integer'),
    ageColumn,
  ],
};

function crdColumns(columns: PrinterColumn[]): Column[] {
  return [
    nameColumn,
    ...columns.map(c => ({
      name: c.name,
      type: c.type,
      format: c.format,
      description: c.description,
      priority: c.priority ?? 0,
      cells: (o: KubeObject, now: number): Cell => {
        const value = path(o, c.jsonPath);
        if (value === undefined || value === null) return null;
        if (c.type === 'date' && typeof value === 'string')
          return humanDuration(now - Date.parse(value));
        return typeof value === 'object'
          ? JSON.stringify(value)
          : (value as Cell);
      },
    })),
  ];
}

/** How rows carry their object: as `?includeObject=` asks. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/**
 * Renders objects as a meta.k8s.io/v1 `Table`, the server-side printing
 * `kubectl get` asks for with `Accept: application/json;as=Table`.
 */
export function tableFor(options: {
  type: ResourceType;
  objects: KubeObject[];
  includeObject: IncludeObject;
  now: number;
  listMeta?: Record<string, unknown>;
  withColumnDefinitions?: boolean;
}): Record<string, unknown> {
  const { type, objects, includeObject, now } = options;
  const key = `${type.group}/${type.plural}`;
  const columns =
    columnsByResource[key] ??
    (type.printerColumns?.length
      ? crdColumns(type.printerColumns)
      : [nameColumn, ageColumn]);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: options.listMeta ?? {},
    columnDefinitions:
      options.withColumnDefinitions === false
        ? []
        : columns.map(c => ({
            name: c.name,
            type: c.type,
            format: c.format ?? '',
            description: c.description ?? '',
            priority: c.priority,
          })),
    rows: objects.map(obj => ({
      cells: columns.map(c => c.cells(obj, now)),
      ...(includeObject === 'None'
        ? {}
        : {
            object:
              includeObject === 'Object'
                ? obj
                : {
                    kind: 'PartialObjectMetadata',
                    apiVersion: 'meta.k8s.io/v1',
                    metadata: obj.metadata,
                  },
          }),
    })),
  };
}
