import {
  labelSelectorMatches,
  type OwnerReferenceProjection,
  type ResourceProjection,
} from '@carepath/plugin-fleet-common';
import { valuePool } from '../watch/ValuePool';
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

/**
 * What the mapper files: a cached object's identity, labels and owners,
 * with its full projection on demand.
 *
 * @public
 */
export interface MappedResource {
  readonly kind: ResourceProjection['kind'];
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ownerReferences: ReadonlyArray<OwnerReferenceProjection>;
  readonly projection: ResourceProjection;
}

interface ClusterIndex {
  /**
   * `key=value` → resources carrying that label: small arrays (a service's
   * workloads and pods), far lighter than Sets.
   */
  byLabel: Map<string, MappedResource[]>;
  /** `Kind/namespace/name` → resources with no indexed label. */
  rest: Map<string, MappedResource>;
}

function sameObject(a: MappedResource, b: MappedResource) {
  return (
    a === b ||
    (a.name === b.name && a.kind === b.kind && a.namespace === b.namespace)
  );
}

function restKey(r: MappedResource) {
  return `${r.kind}/${r.namespace}/${r.name}`;
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
  private servicesByKey = new Map<string, string[]>();
  /** Services whose selector has no equality requirement; matched by scan. */
  private unindexed = new Set<string>();
  private readonly clusters = new Map<string, ClusterIndex>();

  /** Replaces the set of services; returns the refs added, changed or removed. */
  setServices(services: CatalogService[]): Set<string> {
    const changed = new Set<string>();
    // Owners, systems, lifecycles and selectors repeat; kept once.
    const next = new Map(
      services.map(s => [s.entityRef, valuePool.shareParts(s)]),
    );
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
        const refs = this.servicesByKey.get(key);
        if (refs) refs.push(service.entityRef);
        else this.servicesByKey.set(key, [service.entityRef]);
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
        const resources = [...this.everything(index)];
        index.byLabel.clear();
        index.rest.clear();
        for (const r of resources) this.file(index, r);
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
   * Files an added or updated resource in place of `previous` (the version
   * filed before, if any); returns the services whose workloads it may have
   * joined or left.
   */
  upsert(
    cluster: string,
    resource: MappedResource,
    previous?: MappedResource,
  ): Set<string> {
    const index = this.indexOf(cluster);
    const affected = this.claimants(cluster, resource);
    if (previous) {
      this.unfile(index, previous);
      for (const ref of this.claimants(cluster, previous)) affected.add(ref);
    }
    this.file(index, resource);
    return affected;
  }

  /** Removes a resource (the version filed); returns the services it belonged to. */
  remove(cluster: string, resource: MappedResource): Set<string> {
    const index = this.indexOf(cluster);
    const affected = this.claimants(cluster, resource);
    this.unfile(index, resource);
    return affected;
  }

  /** Forgets a cluster's resources. */
  removeCluster(cluster: string): void {
    this.clusters.delete(cluster);
  }

  /** The resources a service's selector claims in a cluster. */
  resourcesFor(service: CatalogService, cluster: string): MappedResource[] {
    const { selector } = service;
    if (selector.cluster && selector.cluster !== cluster) return [];
    const index = this.clusters.get(cluster);
    if (!index) return [];
    const key = indexKeyOf(selector.selector);
    const candidates: Iterable<MappedResource> = key
      ? index.byLabel.get(key) ?? []
      : this.everything(index);
    const result: MappedResource[] = [];
    for (const r of candidates) {
      if (this.claims(service, cluster, r)) result.push(r);
    }
    return result;
  }

  /** Services whose selector claims a resource (old or new labels alike). */
  claimants(
    cluster: string,
    resource: Pick<MappedResource, 'namespace' | 'labels'>,
  ): Set<string> {
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
    r: Pick<MappedResource, 'namespace' | 'labels'>,
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

  private *everything(index: ClusterIndex): Iterable<MappedResource> {
    // A resource with several indexed labels is filed more than once.
    const seen = this.indexedLabelKeys.size > 1 ? new Set() : undefined;
    for (const byKey of index.byLabel.values()) {
      for (const r of byKey) {
        if (seen?.has(r)) continue;
        seen?.add(r);
        yield r;
      }
    }
    yield* index.rest.values();
  }

  private indexOf(cluster: string): ClusterIndex {
    let index = this.clusters.get(cluster);
    if (!index) {
      index = { byLabel: new Map(), rest: new Map() };
      this.clusters.set(cluster, index);
    }
    return index;
  }

  private file(index: ClusterIndex, r: MappedResource) {
    let filed = false;
    for (const label of this.indexedLabelKeys) {
      const value = r.labels[label];
      if (value === undefined) continue;
      const indexKey = `${label}=${value}`;
      const byKey = index.byLabel.get(indexKey);
      // Replaces a version still filed (as when a relist brings it again).
      const at = byKey?.findIndex(x => sameObject(x, r)) ?? -1;
      if (byKey && at >= 0) byKey[at] = r;
      else if (byKey) byKey.push(r);
      else index.byLabel.set(indexKey, [r]);
      filed = true;
    }
    if (!filed) index.rest.set(restKey(r), r);
  }

  private unfile(index: ClusterIndex, r: MappedResource) {
    index.rest.delete(restKey(r));
    for (const label of this.indexedLabelKeys) {
      const value = r.labels[label];
      if (value === undefined) continue;
      const indexKey = `${label}=${value}`;
      const byKey = index.byLabel.get(indexKey);
      const at = byKey?.findIndex(x => sameObject(x, r)) ?? -1;
      if (!byKey || at < 0) continue;
      byKey.splice(at, 1);
      if (byKey.length === 0) index.byLabel.delete(indexKey);
    }
  }
}
