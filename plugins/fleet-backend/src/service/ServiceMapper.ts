import {
  labelSelectorMatches,
  type ResourceProjection,
} from '@carepath/plugin-fleet-common';
import type { CatalogService } from './CatalogService';

/** `key=value` of the first equality requirement of a selector, if any. */
function indexKeyOf(selector: string): string | undefined {
  for (const part of selector.split(',')) {
    const match =
      /^\s*([A-Za-z0-9][A-Za-z0-9_.\-/]*)\s*==?\s*([A-Za-z0-9_.-]*)\s*$/.exec(
        part,
      );
    if (match && !part.includes('(')) return `${match[1]}=${match[2]}`;
  }
  return undefined;
}

function resourceKey(r: ResourceProjection) {
  return `${r.kind}/${r.namespace}/${r.name}`;
}

interface ClusterIndex {
  /** `key=value` → resources carrying that label. */
  byLabel: Map<string, Map<string, ResourceProjection>>;
  /** Resources with no indexed label, or all resources when some selector cannot be indexed. */
  all: Map<string, ResourceProjection>;
  /** The index keys each resource is filed under. */
  keysOf: Map<string, string[]>;
}

/**
 * Maps catalog services to the workloads their selectors claim, exactly as
 * Backstage's Kubernetes plugin does (label selector, optionally narrowed
 * by namespace and cluster), with an index so neither a request nor a
 * change scans every pod: resources are filed under the `key=value` of the
 * first equality requirement of each selector in use
 * (`backstage.io/kubernetes-id=<id>` for most services).
 *
 * @public
 */
export class ServiceMapper {
  private services = new Map<string, CatalogService>();
  private indexedLabelKeys = new Set<string>();
  /** `key=value` → services whose selector starts with it. */
  private servicesByKey = new Map<string, Set<string>>();
  /** Services whose selector has no equality requirement; matched by scan. */
  private unindexed = new Set<string>();
  private readonly clusters = new Map<string, ClusterIndex>();

  /** Replaces the set of services; returns the refs added, changed or removed. */
  setServices(services: CatalogService[]): Set<string> {
    const changed = new Set<string>();
    const next = new Map(services.map(s => [s.entityRef, s]));
    for (const [ref, service] of next) {
      const previous = this.services.get(ref);
      if (!previous || JSON.stringify(previous) !== JSON.stringify(service)) {
        changed.add(ref);
      }
    }
    for (const ref of this.services.keys()) {
      if (!next.has(ref)) changed.add(ref);
    }
    this.services = next;
    this.servicesByKey = new Map();
    this.unindexed = new Set();
    const labelKeys = new Set<string>();
    for (const service of services) {
      const key = indexKeyOf(service.selector.selector);
      if (key) {
        labelKeys.add(key.slice(0, key.indexOf('=')));
        const set = this.servicesByKey.get(key) ?? new Set<string>();
        set.add(service.entityRef);
        this.servicesByKey.set(key, set);
      } else {
        this.unindexed.add(service.entityRef);
      }
    }
    const sameKeys =
      labelKeys.size === this.indexedLabelKeys.size &&
      [...labelKeys].every(k => this.indexedLabelKeys.has(k));
    if (!sameKeys) {
      this.indexedLabelKeys = labelKeys;
      for (const index of this.clusters.values()) {
        const resources = [...index.all.values()];
        for (const byKey of index.byLabel.values())
          resources.push(...byKey.values());
        index.byLabel.clear();
        index.all.clear();
        index.keysOf.clear();
        const seen = new Set<string>();
        for (const r of resources) {
          if (seen.has(resourceKey(r))) continue;
          seen.add(resourceKey(r));
          this.file(index, r);
        }
      }
    }
    return changed;
  }

  service(entityRef: string): CatalogService | undefined {
    return this.services.get(entityRef);
  }

  allServices(): CatalogService[] {
    return [...this.services.values()];
  }

  /**
   * Files an added or updated resource; returns the services whose
   * workloads it may have joined or left.
   */
  upsert(cluster: string, resource: ResourceProjection): Set<string> {
    const index = this.indexOf(cluster);
    const affected = this.claimants(cluster, resource);
    this.unfile(cluster, index, resourceKey(resource), affected);
    this.file(index, resource);
    return affected;
  }

  /** Removes a resource; returns the services it belonged to. */
  remove(cluster: string, resource: ResourceProjection): Set<string> {
    const index = this.indexOf(cluster);
    const affected = this.claimants(cluster, resource);
    this.unfile(cluster, index, resourceKey(resource), affected);
    return affected;
  }

  /** Forgets a cluster's resources. */
  removeCluster(cluster: string): void {
    this.clusters.delete(cluster);
  }

  /** The resources a service's selector claims in a cluster. */
  resourcesFor(service: CatalogService, cluster: string): ResourceProjection[] {
    const { selector } = service;
    if (selector.cluster && selector.cluster !== cluster) return [];
    const index = this.clusters.get(cluster);
    if (!index) return [];
    const key = indexKeyOf(selector.selector);
    const candidates: Iterable<ResourceProjection> = key
      ? index.byLabel.get(key)?.values() ?? []
      : this.everything(index);
    const result: ResourceProjection[] = [];
    for (const r of candidates) {
      if (this.claims(service, cluster, r)) result.push(r);
    }
    return result;
  }

  /** Services whose selector claims a resource (old or new labels alike). */
  claimants(cluster: string, resource: ResourceProjection): Set<string> {
    const result = new Set<string>();
    const consider = (ref: string) => {
      const service = this.services.get(ref);
      if (service && this.claims(service, cluster, resource)) result.add(ref);
    };
    for (const [key, value] of Object.entries(resource.labels)) {
      if (!this.indexedLabelKeys.has(key)) continue;
      for (const ref of this.servicesByKey.get(`${key}=${value}`) ?? [])
        consider(ref);
    }
    for (const ref of this.unindexed) consider(ref);
    return result;
  }

  private claims(
    service: CatalogService,
    cluster: string,
    r: ResourceProjection,
  ) {
    const { selector } = service;
    if (selector.cluster && selector.cluster !== cluster) return false;
    if (selector.namespace && selector.namespace !== r.namespace) return false;
    try {
      return labelSelectorMatches(selector.selector, r.labels);
    } catch {
      // A malformed selector claims nothing; the service shows as Missing.
      return false;
    }
  }

  private *everything(index: ClusterIndex): Iterable<ResourceProjection> {
    const seen = new Set<string>();
    for (const byKey of index.byLabel.values()) {
      for (const [k, r] of byKey) {
        if (!seen.has(k)) {
          seen.add(k);
          yield r;
        }
      }
    }
    yield* index.all.values();
  }

  private indexOf(cluster: string): ClusterIndex {
    let index = this.clusters.get(cluster);
    if (!index) {
      index = { byLabel: new Map(), all: new Map(), keysOf: new Map() };
      this.clusters.set(cluster, index);
    }
    return index;
  }

  private file(index: ClusterIndex, r: ResourceProjection) {
    const key = resourceKey(r);
    const keys: string[] = [];
    for (const [label, value] of Object.entries(r.labels)) {
      if (!this.indexedLabelKeys.has(label)) continue;
      const indexKey = `${label}=${value}`;
      keys.push(indexKey);
      const byKey = index.byLabel.get(indexKey) ?? new Map();
      byKey.set(key, r);
      index.byLabel.set(indexKey, byKey);
    }
    if (keys.length === 0) index.all.set(key, r);
    index.keysOf.set(key, keys);
  }

  /** Unfiles a resource, adding the services that claimed its old version. */
  private unfile(
    cluster: string,
    index: ClusterIndex,
    key: string,
    affected: Set<string>,
  ) {
    const keys = index.keysOf.get(key);
    if (!keys) return;
    let old: ResourceProjection | undefined = index.all.get(key);
    index.all.delete(key);
    for (const indexKey of keys) {
      const byKey = index.byLabel.get(indexKey);
      old ??= byKey?.get(key);
      byKey?.delete(key);
      if (byKey?.size === 0) index.byLabel.delete(indexKey);
    }
    index.keysOf.delete(key);
    if (old) {
      for (const ref of this.claimants(cluster, old)) affected.add(ref);
    }
  }
}
