import { randomUUID } from 'node:crypto';
import { Clock, formatTimestamp } from './Clock';
import { ResourceRegistry } from './ResourceRegistry';
import { ResourceType, storageKeyOf } from './ResourceType';
import { StatusError } from './Status';
import { KubeObject, ObjectMeta } from './types';
import { WatchHub } from './WatchHub';

/** Options shared by writes. */
export interface WriteOptions {
  /** Validate and compute the result, but store nothing and emit nothing. */
  dryRun?: boolean;
  /** `status` writes change only `.status`. */
  subresource?: 'status';
  /** Keep `.status` on create and write it on update (controllers, seeds). */
  keepStatus?: boolean;
  /** Backdates a created object (seeds that write history). */
  creationTimestamp?: string;
}

/** How dependents are treated when their owner is deleted. */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

interface Bucket {
  objects: Map<string, KubeObject>;
  sorted?: KubeObject[];
}

const nameAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** Random suffixes as the API server uses for `generateName`. */
export function randomSuffix(length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += nameAlphabet[Math.floor(Math.random() * nameAlphabet.length)];
  }
  return out;
}

function specOf(obj: KubeObject): string {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return JSON.stringify(rest);
}

function sameContent(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) =>
    JSON.stringify({
      ...o,
      metadata: {
        ...o.metadata,
        resourceVersion: undefined,
        managedFields: undefined,
      },
    });
  return strip(a) === strip(b);
}

/**
 * The storage of one cluster: objects per resource and namespace, the
 * cluster-wide resourceVersion counter, metadata bookkeeping (uid,
 * generation, timestamps), owner references and cascading deletion.
 * Every change is published to the {@link WatchHub}.
 *
 * Stored objects are never mutated; writes replace them. That lets reads
 * share objects and cache their serialised JSON.
 */
export class ObjectStore {
  private readonly data = new Map<string, Map<string, Bucket>>();
  private readonly owners = new Map<string, Set<string>>();
  private readonly jsonCache = new WeakMap<KubeObject, string>();
  private counter = 1;

  constructor(
    private readonly options: {
      registry: ResourceRegistry;
      hub: WatchHub;
      clock: Clock;
    },
  ) {}

  /** The latest resourceVersion of the cluster. */
  get resourceVersion(): number {
    return this.counter;
  }

  /**
   * Moves the resourceVersion on without a change, so that history can be
   * expired up to the present while new lists still resume cleanly.
   */
  advanceResourceVersion(): number {
    return ++this.counter;
  }

  /**
   * The serialised JSON of a stored object, computed once per version.
   * Kept as strings: caching Buffers instead means many external backing
   * stores, whose memory pressure triggers full collections of a large
   * heap (measured 3x slower lists at 100,000 pods).
   */
  json(obj: KubeObject): string {
    let text = this.jsonCache.get(obj);
    if (text === undefined) {
      text = JSON.stringify(obj);
      this.jsonCache.set(obj, text);
    }
    return text;
  }

  get(
    type: ResourceType | string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const key = typeof type === 'string' ? type : storageKeyOf(type);
    return this.data
      .get(key)
      ?.get(namespace ?? '')
      ?.objects.get(name);
  }

  /** All objects of a resource, sorted by namespace then name. */
  list(type: ResourceType | string, namespace?: string): KubeObject[] {
    const key = typeof type === 'string' ? type : storageKeyOf(type);
    const byNamespace = this.data.get(key);
    if (!byNamespace) return [];
    if (namespace !== undefined) {
      const bucket = byNamespace.get(namespace);
      return bucket ? this.sortedOf(bucket) : [];
    }
    const namespaces = [...byNamespace.keys()].sort();
    if (namespaces.length === 1)
      return this.sortedOf(byNamespace.get(namespaces[0])!);
    const result: KubeObject[] = [];
    for (const ns of namespaces) {
      const sorted = this.sortedOf(byNamespace.get(ns)!);
      for (const obj of sorted) result.push(obj);
    }
    return result;
  }

  count(type: ResourceType | string): number {
    const key = typeof type === 'string' ? type : storageKeyOf(type);
    let total = 0;
    for (const bucket of this.data.get(key)?.values() ?? [])
      total += bucket.objects.size;
    return total;
  }

  /** Objects whose ownerReferences name the given uid. */
  dependents(
    ownerUid: string,
  ): Array<{ storageKey: string; object: KubeObject }> {
    const refs = this.owners.get(ownerUid);
    if (!refs) return [];
    const result: Array<{ storageKey: string; object: KubeObject }> = [];
    for (const ref of refs) {
      const [storageKey, ns, name] = ref.split('|');
      const object = this.get(storageKey, ns, name);
      if (object) result.push({ storageKey, object });
    }
    return result;
  }

  create(
    type: ResourceType,
    input: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const key = storageKeyOf(type);
    const namespace = type.namespaced ? input.metadata.namespace ?? '' : '';
    if (type.namespaced && !this.get('/namespaces', '', namespace)) {
      throw StatusError.notFound('namespaces', namespace);
    }
    let name = input.metadata.name ?? '';
    if (!name && input.metadata.generateName) {
      do {
        name = `${input.metadata.generateName}${randomSuffix()}`;
      } while (this.get(key, namespace, name));
    }
    if (this.get(key, namespace, name)) {
      throw StatusError.alreadyExists(type.plural, name, type.group);
    }
    if (type.namespaced && namespace) {
      const ns = this.get('/namespaces', '', namespace);
      if (ns?.metadata.deletionTimestamp) {
        throw new StatusError({
          code: 403,
          message: `${type.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
          details: { name, kind: type.plural },
        });
      }
    }
    const metadata = { ...input.metadata, name };
    if (type.namespaced) metadata.namespace = namespace;
    else delete metadata.namespace;
    metadata.uid = randomUUID();
    metadata.creationTimestamp =
      options.creationTimestamp ?? formatTimestamp(this.options.clock.now());
    delete metadata.deletionTimestamp;
    if ('spec' in input || type.customResource) metadata.generation = 1;
    else delete metadata.generation;
    const obj: KubeObject = {
      ...input,
      apiVersion: input.apiVersion,
      kind: type.kind,
      metadata,
    };
    if (type.statusSubresource && !options.keepStatus) {
      delete obj.status;
      if (type.plural === 'pods')
        obj.status = { phase: 'Pending', qosClass: qosClassOf(obj) };
      if (type.plural === 'namespaces') obj.status = { phase: 'Active' };
    }
    if (options.dryRun) {
      delete metadata.resourceVersion;
      return obj;
    }
    metadata.resourceVersion = String(++this.counter);
    this.put(key, namespace, name, obj);
    this.options.hub.publish({
      type: 'ADDED',
      storageKey: key,
      object: obj,
      resourceVersion: this.counter,
    });
    return obj;
  }

  update(
    type: ResourceType,
    input: KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    const key = storageKeyOf(type);
    const namespace = type.namespaced ? input.metadata.namespace ?? '' : '';
    const name = input.metadata.name ?? '';
    const existing = this.get(key, namespace, name);
    if (!existing) {
      throw StatusError.notFound(type.plural, name, type.group);
    }
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion) {
      throw StatusError.conflict(type.plural, name, type.group);
    }
    let next: KubeObject;
    if (options.subresource === 'status') {
      next = { ...existing, metadata: { ...existing.metadata } };
      if (input.status === undefined) delete next.status;
      else next.status = input.status;
      if (input.metadata.managedFields)
        next.metadata.managedFields = input.metadata.managedFields;
    } else {
      next = { ...input, kind: type.kind };
      if (type.statusSubresource && !options.keepStatus) {
        if (existing.status === undefined) delete next.status;
        else next.status = existing.status;
      }
      next.metadata = {
        ...input.metadata,
        name,
        uid: existing.metadata.uid,
        creationTimestamp: existing.metadata.creationTimestamp,
        generation: existing.metadata.generation,
        deletionTimestamp: existing.metadata.deletionTimestamp,
      };
      if (type.namespaced) next.metadata.namespace = namespace;
      else delete next.metadata.namespace;
      for (const field of ['generation', 'deletionTimestamp'] as const) {
        if (next.metadata[field] === undefined) delete next.metadata[field];
      }
      if (
        next.metadata.generation !== undefined &&
        specOf(next) !== specOf(existing)
      ) {
        next.metadata.generation = next.metadata.generation + 1;
      }
    }
    next.metadata.resourceVersion = existing.metadata.resourceVersion;
    if (sameContent(next, existing)) {
      return existing;
    }
    if (options.dryRun) {
      return next;
    }
    next.metadata.resourceVersion = String(++this.counter);
    this.put(key, namespace, name, next, existing);
    this.options.hub.publish({
      type: 'MODIFIED',
      storageKey: key,
      object: next,
      previous: existing,
      resourceVersion: this.counter,
    });
    return next;
  }

  /**
   * Deletes an object and, unless orphaning, everything it owns. Deleting
   * a namespace deletes its contents first.
   */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: {
      dryRun?: boolean;
      propagation?: PropagationPolicy;
      uid?: string;
      resourceVersion?: string;
    } = {},
  ): KubeObject {
    const key = storageKeyOf(type);
    const ns = type.namespaced ? namespace ?? '' : '';
    const existing = this.get(key, ns, name);
    if (!existing) {
      throw StatusError.notFound(type.plural, name, type.group);
    }
    if (
      (options.uid && options.uid !== existing.metadata.uid) ||
      (options.resourceVersion &&
        options.resourceVersion !== existing.metadata.resourceVersion)
    ) {
      throw new StatusError({
        code: 409,
        message: `Operation cannot be fulfilled on ${
          type.plural
        } "${name}": Precondition failed: UID in precondition: ${
          options.uid ?? ''
        }, UID in object meta: ${existing.metadata.uid}`,
        details: { name, kind: type.plural, group: type.group || undefined },
      });
    }
    if (options.dryRun) {
      return existing;
    }
    if (key === '/namespaces') {
      this.deleteNamespaceContents(name);
    }
    this.remove(key, ns, name, existing);
    const deletedAt = formatTimestamp(this.options.clock.now());
    const deleted: KubeObject = {
      ...existing,
      metadata: {
        ...existing.metadata,
        resourceVersion: String(++this.counter),
        deletionTimestamp: deletedAt,
      },
    };
    if (key === '/namespaces') {
      deleted.status = { phase: 'Terminating' };
    }
    this.options.hub.publish({
      type: 'DELETED',
      storageKey: key,
      object: deleted,
      previous: existing,
      resourceVersion: this.counter,
    });
    this.cascade(existing, options.propagation ?? 'Background');
    return deleted;
  }

  /** Removes every object of a resource, e.g. when its CRD goes away. */
  deleteAll(type: ResourceType): void {
    for (const obj of this.list(type)) {
      this.delete(type, obj.metadata.namespace, obj.metadata.name ?? '');
    }
  }

  private cascade(owner: KubeObject, propagation: PropagationPolicy): void {
    const uid = owner.metadata.uid ?? '';
    for (const { storageKey, object } of this.dependents(uid)) {
      const type = this.options.registry.findByStorageKey(storageKey);
      if (!type) continue;
      if (propagation === 'Orphan') {
        const refs = (object.metadata.ownerReferences ?? []).filter(
          r => r.uid !== uid,
        );
        const metadata: ObjectMeta = {
          ...object.metadata,
          ownerReferences: refs,
        };
        if (refs.length === 0) delete metadata.ownerReferences;
        this.update(type, { ...object, metadata });
      } else if (
        this.get(
          storageKey,
          object.metadata.namespace,
          object.metadata.name ?? '',
        )
      ) {
        this.delete(
          type,
          object.metadata.namespace,
          object.metadata.name ?? '',
          { propagation },
        );
      }
    }
    this.owners.delete(uid);
  }

  private deleteNamespaceContents(namespace: string): void {
    for (const [key, byNamespace] of this.data) {
      const bucket = byNamespace.get(namespace);
      if (!bucket || key === '/namespaces') continue;
      const type = this.options.registry.findByStorageKey(key);
      if (!type?.namespaced) continue;
      for (const obj of [...bucket.objects.values()]) {
        if (this.get(key, namespace, obj.metadata.name ?? '')) {
          this.delete(type, namespace, obj.metadata.name ?? '');
        }
      }
    }
  }

  private sortedOf(bucket: Bucket): KubeObject[] {
    if (!bucket.sorted) {
      const names = [...bucket.objects.keys()].sort();
      bucket.sorted = names.map(n => bucket.objects.get(n)!);
    }
    return bucket.sorted;
  }

  private put(
    key: string,
    ns: string,
    name: string,
    obj: KubeObject,
    previous?: KubeObject,
  ): void {
    let byNamespace = this.data.get(key);
    if (!byNamespace) {
      byNamespace = new Map();
      this.data.set(key, byNamespace);
    }
    let bucket = byNamespace.get(ns);
    if (!bucket) {
      bucket = { objects: new Map() };
      byNamespace.set(ns, bucket);
    }
    const isNew = !bucket.objects.has(name);
    bucket.objects.set(name, obj);
    if (isNew) {
      bucket.sorted = undefined;
    } else if (bucket.sorted) {
      // Same key set; swap the entry in place instead of re-sorting.
      const index = binarySearch(bucket.sorted, name);
      if (index >= 0) bucket.sorted[index] = obj;
      else bucket.sorted = undefined;
    }
    const ref = `${key}|${ns}|${name}`;
    for (const owner of previous?.metadata.ownerReferences ?? []) {
      this.owners.get(owner.uid)?.delete(ref);
    }
    for (const owner of obj.metadata.ownerReferences ?? []) {
      let refs = this.owners.get(owner.uid);
      if (!refs) {
        refs = new Set();
        this.owners.set(owner.uid, refs);
      }
      refs.add(ref);
    }
  }

  private remove(
    key: string,
    ns: string,
    name: string,
    existing: KubeObject,
  ): void {
    const byNamespace = this.data.get(key);
    const bucket = byNamespace?.get(ns);
    if (!bucket) return;
    bucket.objects.delete(name);
    bucket.sorted = undefined;
    if (bucket.objects.size === 0) byNamespace!.delete(ns);
    const ref = `${key}|${ns}|${name}`;
    for (const owner of existing.metadata.ownerReferences ?? []) {
      this.owners.get(owner.uid)?.delete(ref);
    }
  }
}

function binarySearch(sorted: KubeObject[], name: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = sorted[mid].metadata.name ?? '';
    if (candidate === name) return mid;
    if (candidate < name) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The QoS class the API server derives from container resources. */
function qosClassOf(pod: KubeObject): string {
  const containers =
    (
      pod.spec as {
        containers?: Array<{
          resources?: {
            requests?: Record<string, string>;
            limits?: Record<string, string>;
          };
        }>;
      }
    )?.containers ?? [];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (!lim[r] || (req[r] && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
