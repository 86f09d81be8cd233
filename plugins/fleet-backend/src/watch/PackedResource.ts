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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Marks a uid packed as eight 16-bit characters (a uid never starts with NUL). */
const PACKED_UID = '\u0000';

/** A UUID as 8 two-byte characters (40 bytes of heap instead of 56). */
function packUid(uid: string): string {
  if (!UUID.test(uid)) return uid;
  const hex = uid.replace(/-/g, '');
  let packed = PACKED_UID;
  for (let i = 0; i < 32; i += 4) {
    packed += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  }
  return packed;
}

function unpackUid(packed: string): string {
  if (!packed.startsWith(PACKED_UID)) return packed;
  let hex = '';
  for (let i = 1; i < packed.length; i++) {
    hex += packed.charCodeAt(i).toString(16).padStart(4, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(
    12,
    16,
  )}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
  private readonly packedUid: string;
  /** The resourceVersion, as a small integer when it is one. */
  private readonly version: number | string | undefined;
  /**
   * A pod's node (kept apart so pods of a ReplicaSet share one template),
   * or a workload's compact Kubernetes-shaped copy for compliance.
   */
  private readonly extra: string | KubernetesObjectLike | undefined;
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
    this.packedUid = packUid(uid);
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
      this.extra = intern(nodeName);
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
    if (observed) this.extra = pool.shareParts(observed);
  }

  get uid(): string {
    return unpackUid(this.packedUid);
  }

  /** Compact Kubernetes-shaped copy for compliance, for workloads and autoscalers. */
  get observed(): KubernetesObjectLike | undefined {
    return typeof this.extra === 'object' ? this.extra : undefined;
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
    if (typeof this.extra === 'string') {
      projection.spec = { ...(rebuilt.spec as object), nodeName: this.extra };
    }
    return projection as unknown as ResourceProjection;
  }
}
