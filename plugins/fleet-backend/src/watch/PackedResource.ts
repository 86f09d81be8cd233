import type {
  OwnerReferenceProjection,
  ResourceProjection,
} from '@carepath/plugin-fleet-common';
import type { KubernetesObjectLike } from './KubernetesObjectLike';
import { intern } from './internStrings';
import { valuePool as pool } from './ValuePool';

/** Projection fields holding a timestamp, wherever they appear. */
const TIME_FIELDS = new Set([
  'creationTimestamp',
  'deletionTimestamp',
  'startTime',
  'completionTime',
  'lastTransitionTime',
  'startedAt',
  'finishedAt',
  'lastScheduleTime',
  'lastSuccessfulTime',
  'lastScaleTime',
]);

type Template = Readonly<Record<string, unknown>> & {
  kind: ResourceProjection['kind'];
  namespace: string;
  labels: Readonly<Record<string, string>>;
  ownerReferences: ReadonlyArray<OwnerReferenceProjection>;
};

/**
 * A time kept as whole seconds since 2020 (a small integer, stored
 * unboxed) when that loses nothing, else as given.
 */
type PackedTime = number | string;

const BASE_MS = Date.UTC(2020, 0, 1);

function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function packTime(value: string): PackedTime {
  const ms = Date.parse(value);
  const seconds = (ms - BASE_MS) / 1000;
  return Number.isInteger(seconds) &&
    seconds >= 0 &&
    seconds < 2 ** 30 &&
    formatTime(ms) === value
    ? seconds
    : value;
}

function unpackTime(time: PackedTime): string {
  return typeof time === 'number' ? formatTime(BASE_MS + time * 1000) : time;
}

/** Copies `value` with every timestamp replaced by its slot in `times`. */
function withSlots(value: unknown, times: PackedTime[]): unknown {
  if (Array.isArray(value)) return value.map(v => withSlots(v, times));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (TIME_FIELDS.has(name) && typeof field === 'string') {
      const time = packTime(field);
      let slot = times.indexOf(time);
      if (slot < 0) slot = times.push(time) - 1;
      result[name] = slot;
    } else {
      result[name] = withSlots(field, times);
    }
  }
  return result;
}

const slotFree = new WeakMap<object, boolean>();

/** Whether a shared part of a template holds no time slot (and can be handed out as is). */
function isSlotFree(value: object): boolean {
  let free = slotFree.get(value);
  if (free === undefined) {
    free = Object.entries(value).every(([name, field]) =>
      field !== null && typeof field === 'object'
        ? isSlotFree(field)
        : !(TIME_FIELDS.has(name) && typeof field === 'number'),
    );
    slotFree.set(value, free);
  }
  return free;
}

function withTimes(value: unknown, times: PackedTime | PackedTime[]): unknown {
  if (value === null || typeof value !== 'object' || isSlotFree(value)) {
    return value;
  }
  if (Array.isArray(value)) return value.map(v => withTimes(v, times));
  const result: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (TIME_FIELDS.has(name) && typeof field === 'number') {
      const time = Array.isArray(times) ? times[field] : times;
      result[name] = unpackTime(time);
    } else {
      result[name] = withTimes(field, times);
    }
  }
  return result;
}

/**
 * How the cache keeps a workload, pod or autoscaler: its name, uid and
 * resourceVersion, its timestamps as numbers, and a shared template for
 * everything else (labels, owners, containers, conditions, states), which
 * pods of one ReplicaSet on one node have in common. The full
 * {@link ResourceProjection} is rebuilt on demand from
 * {@link PackedResource.projection}; what the cache looks at per object
 * (identity, labels, owners) is read straight from the template.
 *
 * @public
 */
export class PackedResource {
  readonly name: string;
  readonly uid: string;
  /** The resourceVersion, as a small integer when it is one. */
  private readonly version: number | string | undefined;
  /** Compact Kubernetes-shaped copy for compliance, for workloads and autoscalers. */
  readonly observed: KubernetesObjectLike | undefined;
  /** A pod's node, kept apart so pods of a ReplicaSet share one template. */
  private readonly node: string | undefined;
  private readonly template: Template;
  private readonly times: PackedTime | PackedTime[];

  constructor(
    projection: ResourceProjection,
    resourceVersion: string | undefined,
    observed?: KubernetesObjectLike,
  ) {
    const { name, uid, ...rest } = projection;
    const times: PackedTime[] = [];
    this.name = name;
    this.uid = uid;
    const asNumber = Number(resourceVersion);
    this.version =
      Number.isInteger(asNumber) &&
      asNumber >= 0 &&
      asNumber < 2 ** 30 &&
      String(asNumber) === resourceVersion
        ? asNumber
        : resourceVersion;
    if (rest.kind === 'Pod' && rest.spec.nodeName !== undefined) {
      const { nodeName, ...spec } = rest.spec;
      this.node = intern(nodeName);
      this.template = pool.share(
        withSlots({ ...rest, spec }, times),
      ) as Template;
    } else {
      // A workload's own fields are unique to it; only their parts repeat.
      this.template = pool.shareParts(
        withSlots(rest, times) as object,
      ) as Template;
    }
    this.times = times.length === 1 ? times[0] : times;
    this.observed = observed && pool.shareParts(observed);
  }

  get kind(): ResourceProjection['kind'] {
    return this.template.kind;
  }

  get namespace(): string {
    return this.template.namespace;
  }

  get labels(): Readonly<Record<string, string>> {
    return this.template.labels;
  }

  get ownerReferences(): ReadonlyArray<OwnerReferenceProjection> {
    return this.template.ownerReferences;
  }

  get resourceVersion(): string | undefined {
    return this.version === undefined ? undefined : String(this.version);
  }

  /** The identity client-node's informer cache keys objects by. */
  get metadata(): {
    name: string;
    namespace: string;
    resourceVersion?: string;
  } {
    return {
      name: this.name,
      namespace: this.template.namespace,
      resourceVersion: this.resourceVersion,
    };
  }

  /** The full projection, rebuilt (shared parts are frozen and reused). */
  get projection(): ResourceProjection {
    const rebuilt = withTimes(this.template, this.times) as Record<
      string,
      unknown
    >;
    const projection: Record<string, unknown> = {
      ...rebuilt,
      name: this.name,
      uid: this.uid,
    };
    if (this.node !== undefined) {
      projection.spec = { ...(rebuilt.spec as object), nodeName: this.node };
    }
    return projection as unknown as ResourceProjection;
  }
}
