import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  rollupClusterHealth,
  rollupServiceHealth,
  type ClusterConnection,
  type ClusterHealthDetail,
  type ClusterState,
  type EventProjection,
  type FleetChangeEvent,
  type HealthStatus,
  type ServiceDetail,
  type ServiceSummary,
  type UnregisteredWorkload,
} from '@carepath/plugin-fleet-common';
import type { ClusterDefinition } from '../clusters/ClusterSource';
import type { CatalogService } from '../service/CatalogService';
import { ServiceMapper } from '../service/ServiceMapper';
import { ClusterWatch, type ObjectChange } from '../watch/ClusterWatch';
import type { DelayFunction } from '../watch/delay';
import type { KubernetesObjectLike } from '../watch/KubernetesObjectLike';
import { PackedResource } from '../watch/PackedResource';
import { valuePool } from '../watch/ValuePool';
import { observationsFor } from './observationsFor';

/** Options of {@link FleetCache}. */
export interface FleetCacheOptions {
  clusters: ClusterDefinition[];
  logger: LoggerService;
  requestTimeoutMs: number;
  restartWindowMs?: number;
  /** Warning events kept per object. */
  eventsPerObject?: number;
  /** Wait after a change before summaries are recomputed. */
  recomputeDelayMs?: number;
  /**
   * Every service is recomputed once per this period, a few at a time, to
   * keep time-based health current.
   */
  fullRecomputeIntervalMs?: number;
  watchIdleTimeoutMs?: number;
  now?: () => number;
  delay?: DelayFunction;
  backoff?: { initialMs?: number; maxMs?: number };
  /** Receives every change event (service, cluster, summary). */
  onEvent?: (event: FleetChangeEvent) => void;
}

const TOP_LEVEL_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
]);

/** Service details kept between requests (most recently asked for). */
const DETAIL_MEMO_SIZE = 500;

/** How often the rolling recompute marks its next few services. */
const ROLLING_TICK_MS = 250;

/** Time a recompute slice may take before it yields to requests. */
const RECOMPUTE_SLICE_MS = 3;

/** What a change event is about: cheaper to compare than the whole summary. */
function signature(s: ServiceSummary): string {
  const clusters = s.clusters
    .map(
      c =>
        `${c.cluster}:${c.status}:${c.message}:${c.ready}/${c.desired}:${c.restarts.total}:${c.restarts.recent}`,
    )
    .join('|');
  return `${s.health.status}|${s.health.message}|${s.ready}/${s.desired}|${s.restarts.total}:${s.restarts.recent}|${s.lastChange}|${s.owner}|${s.system}|${s.lifecycle}|${s.title}|${s.dataClassification}|${clusters}`;
}

function isTopLevel(r: {
  kind: string;
  ownerReferences: ReadonlyArray<{ controller: boolean }>;
}) {
  if (TOP_LEVEL_KINDS.has(r.kind)) return true;
  if (r.kind === 'Job' || r.kind === 'ReplicaSet' || r.kind === 'Pod') {
    return !r.ownerReferences.some(o => o.controller);
  }
  return false;
}

function objectKey(kind: string, namespace: string | undefined, name: string) {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/**
 * The fleet's watch cache: one {@link ClusterWatch} per cluster, the
 * service mapping, and precomputed per-service summaries that requests
 * read without touching any API server. Summaries are recomputed shortly
 * after the objects behind them change, and every one of them on a rolling
 * basis (all within 30 s, a few every 250 ms), since part of health depends
 * on time (recent restarts, grace periods).
 *
 * @public
 */
export class FleetCache {
  private readonly options: FleetCacheOptions;
  private readonly now: () => number;
  private readonly watches = new Map<string, ClusterWatch>();
  private readonly catalogClusters = new Map<string, ClusterDefinition>();
  private readonly mapper = new ServiceMapper();
  private readonly summaries = new Map<string, ServiceSummary>();
  /** Per cluster: `Kind/ns/name` → recent warning events, newest first. */
  private readonly events = new Map<string, Map<string, EventProjection[]>>();
  private readonly eventOwners = new Map<string, Map<string, string>>();
  private readonly dirty = new Set<string>();
  /**
   * Details served recently, dropped as soon as anything behind them
   * changes (objects, events, cluster state, catalog) and at every full
   * recompute, so a detail is never older than a summary.
   */
  private readonly details = new Map<string, ServiceDetail>();
  private recomputeTimer?: NodeJS.Timeout;
  private recomputeSlice?: NodeJS.Immediate;
  private fullTimer?: NodeJS.Timeout;
  private sequence = 0;
  private rollingCursor = 0;
  private version = 0;
  private unregisteredMemo?: { version: number; items: UnregisteredWorkload[] };

  constructor(options: FleetCacheOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    for (const cluster of options.clusters) {
      this.watches.set(cluster.name, this.createWatch(cluster));
    }
  }

  private createWatch(cluster: ClusterDefinition): ClusterWatch {
    return new ClusterWatch({
      cluster,
      logger: this.options.logger,
      requestTimeoutMs: this.options.requestTimeoutMs,
      watchIdleTimeoutMs: this.options.watchIdleTimeoutMs,
      now: this.now,
      delay: this.options.delay,
      backoff: this.options.backoff,
      onChange: change => this.onChange(change),
      onStateChange: state => this.onClusterState(state),
    });
  }

  /**
   * Replaces the clusters found in the catalog. Clusters from config keep
   * their name; a catalog cluster whose definition changed is rewatched.
   */
  async setCatalogClusters(clusters: ClusterDefinition[]): Promise<void> {
    const fromConfig = new Set(this.options.clusters.map(c => c.name));
    const wanted = new Map(
      clusters.filter(c => !fromConfig.has(c.name)).map(c => [c.name, c]),
    );
    for (const [name, watch] of [...this.watches]) {
      if (fromConfig.has(name)) continue;
      const next = wanted.get(name);
      if (
        next &&
        JSON.stringify(next) === JSON.stringify(this.catalogClusters.get(name))
      ) {
        wanted.delete(name);
        continue;
      }
      this.watches.delete(name);
      this.catalogClusters.delete(name);
      this.mapper.removeCluster(name);
      this.events.delete(name);
      this.eventOwners.delete(name);
      await watch.stop();
    }
    for (const [name, cluster] of wanted) {
      const watch = this.createWatch(cluster);
      this.watches.set(name, watch);
      this.catalogClusters.set(name, cluster);
      if (this.fullTimer) watch.start();
    }
    this.recomputeAll();
  }

  start(): void {
    for (const watch of this.watches.values()) watch.start();
    this.fullTimer = setInterval(() => this.rollOn(), ROLLING_TICK_MS);
  }

  /**
   * Marks the next services of the rolling recompute: each service once per
   * `fullRecomputeIntervalMs`, spread evenly over it, so the work never
   * comes in a burst that would delay requests.
   */
  private rollOn() {
    const all = this.mapper.allServices();
    if (all.length === 0) return;
    const period = this.options.fullRecomputeIntervalMs ?? 30_000;
    const count = Math.min(
      all.length,
      Math.ceil((all.length * ROLLING_TICK_MS) / period),
    );
    for (let i = 0; i < count; i++) {
      this.rollingCursor = (this.rollingCursor + 1) % all.length;
      const ref = all[this.rollingCursor].entityRef;
      this.dirty.add(ref);
      this.details.delete(ref);
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    clearInterval(this.fullTimer);
    clearTimeout(this.recomputeTimer);
    clearImmediate(this.recomputeSlice);
    this.recomputeSlice = undefined;
    await Promise.all([...this.watches.values()].map(w => w.stop()));
  }

  /** Replaces the catalog services. */
  setServices(services: CatalogService[]): void {
    for (const ref of this.mapper.setServices(services)) {
      this.dirty.add(ref);
      this.details.delete(ref);
    }
    this.schedule();
  }

  /** Recomputes all pending summaries now (normally done shortly after changes). */
  flush(): void {
    clearTimeout(this.recomputeTimer);
    this.recomputeTimer = undefined;
    clearImmediate(this.recomputeSlice);
    this.recomputeSlice = undefined;
    this.recompute(Infinity);
  }

  /**
   * Recomputes pending summaries for up to `budgetMs`, so a large batch
   * (start-up, a cluster going down, the periodic full pass) yields to
   * requests every few milliseconds instead of delaying them.
   */
  private recompute(budgetMs: number): void {
    if (this.dirty.size === 0) return;
    const started = performance.now();
    this.version += 1;
    const at = new Date(this.now()).toISOString();
    let changed = false;
    for (const ref of this.dirty) {
      if (performance.now() - started > budgetMs) break;
      this.dirty.delete(ref);
      const service = this.mapper.service(ref);
      const previous = this.summaries.get(ref);
      if (!service) {
        if (previous) {
          this.summaries.delete(ref);
          this.emit({
            type: 'service.removed',
            sequence: 0,
            at,
            entityRef: ref,
          });
          changed = true;
        }
        continue;
      }
      // Health messages, per-cluster entries and restart counts repeat
      // across services; kept once.
      const summary = valuePool.shareParts(this.computeSummary(service));
      this.summaries.set(ref, summary);
      if (!previous || signature(previous) !== signature(summary)) {
        const event: FleetChangeEvent = {
          type: 'service.updated',
          sequence: 0,
          at,
          service: summary,
        };
        if (previous) event.previousStatus = previous.health.status;
        this.emit(event);
        changed = true;
      }
    }
    if (changed) {
      this.emit({
        type: 'summary.updated',
        sequence: 0,
        at,
        summary: this.healthCounts(),
      });
    }
  }

  /** All service summaries (precomputed). */
  services(): ServiceSummary[] {
    return [...this.summaries.values()];
  }

  /** One service in depth, or undefined when the catalog has no such service. */
  detail(entityRef: string): ServiceDetail | undefined {
    const memo = this.details.get(entityRef);
    if (memo) return memo;
    const detail = this.computeDetail(entityRef);
    if (detail) {
      if (this.details.size >= DETAIL_MEMO_SIZE) {
        this.details.delete(this.details.keys().next().value!);
      }
      this.details.set(entityRef, detail);
    }
    return detail;
  }

  private computeDetail(entityRef: string): ServiceDetail | undefined {
    const service = this.mapper.service(entityRef);
    const summary =
      this.summaries.get(entityRef) ??
      (service && this.computeSummary(service));
    if (!service || !summary) return undefined;
    const clusters = this.clusterDetails(service).map(({ detail, state }) => {
      const events = this.eventsFor(detail.cluster, service);
      return { ...detail, events, clusterState: state.state };
    });
    const order = new Map(summary.clusters.map((c, i) => [c.cluster, i]));
    clusters.sort(
      (a, b) => (order.get(a.cluster) ?? 99) - (order.get(b.cluster) ?? 99),
    );
    return { ...summary, clusters };
  }

  /** Compact Kubernetes-shaped objects for compliance, per cluster. */
  observations(
    entityRef: string,
  ): Array<{ cluster: string; objects: KubernetesObjectLike[] }> | undefined {
    const service = this.mapper.service(entityRef);
    if (!service) return undefined;
    return [...this.watches.values()].flatMap(watch => {
      const resources = this.mapper.resourcesFor(service, watch.name);
      if (resources.length === 0) return [];
      const objects = observationsFor({
        resources,
        lookup: (kind, namespace) => watch.list(kind, namespace),
      });
      return [{ cluster: watch.name, objects }];
    });
  }

  clusterStates(): ClusterState[] {
    return [...this.watches.values()].map(w => w.clusterState());
  }

  /** Top-level workloads no catalog service claims. */
  unregistered(): UnregisteredWorkload[] {
    if (this.unregisteredMemo?.version === this.version) {
      return this.unregisteredMemo.items;
    }
    const items: UnregisteredWorkload[] = [];
    const now = new Date(this.now());
    for (const watch of this.watches.values()) {
      for (const kind of [
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'CronJob',
        'Job',
        'ReplicaSet',
        'Pod',
      ]) {
        for (const object of watch.list(kind)) {
          if (!(object instanceof PackedResource) || !isTopLevel(object)) {
            continue;
          }
          if (this.mapper.claimants(watch.name, object).size > 0) continue;
          const r = object.projection;
          const health = rollupClusterHealth({
            cluster: watch.name,
            resources: [r],
            now,
            restartWindowMs: this.options.restartWindowMs,
          }).workloads[0];
          const item: UnregisteredWorkload = {
            cluster: watch.name,
            kind: r.kind,
            namespace: r.namespace,
            name: r.name,
            uid: r.uid,
            labels: r.labels,
            health: { status: health.status, message: health.message },
            ready: health.ready,
            desired: health.desired,
            images: health.images,
          };
          if (r.creationTimestamp) item.createdAt = r.creationTimestamp;
          items.push(item);
        }
      }
    }
    items.sort(
      (a, b) =>
        a.cluster.localeCompare(b.cluster) ||
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name),
    );
    this.unregisteredMemo = { version: this.version, items };
    return items;
  }

  /** Counts of services by health. */
  healthCounts() {
    const counts: Record<HealthStatus, number> & { total: number } = {
      Healthy: 0,
      Suspended: 0,
      Progressing: 0,
      Missing: 0,
      Unknown: 0,
      Degraded: 0,
      total: 0,
    };
    for (const s of this.summaries.values()) {
      counts[s.health.status] += 1;
      counts.total += 1;
    }
    return counts;
  }

  private recomputeAll() {
    this.details.clear();
    for (const service of this.mapper.allServices()) {
      this.dirty.add(service.entityRef);
    }
    this.schedule();
  }

  private schedule(delayMs = this.options.recomputeDelayMs ?? 100) {
    if (this.recomputeTimer || this.recomputeSlice || this.dirty.size === 0) {
      return;
    }
    this.recomputeTimer = setTimeout(() => {
      this.recomputeTimer = undefined;
      this.runSlice();
    }, delayMs);
  }

  /** One slice of recomputation; the next runs once pending I/O has been served. */
  private runSlice() {
    this.recomputeSlice = undefined;
    try {
      this.recompute(RECOMPUTE_SLICE_MS);
    } catch (error) {
      this.options.logger.error(
        `Fleet health recompute failed: ${String(error)}`,
      );
    }
    if (this.dirty.size > 0) {
      this.recomputeSlice = setImmediate(() => this.runSlice());
    }
  }

  private emit(event: FleetChangeEvent) {
    this.sequence += 1;
    this.options.onEvent?.({ ...event, sequence: this.sequence });
  }

  private onChange(change: ObjectChange) {
    const { cluster, object } = change;
    if (object.event) {
      this.forgetDetailsAbout(cluster, object.event.involvedObject);
      this.recordEvent(cluster, change.type, object);
      return;
    }
    if (change.type === 'delete' && change.kind === 'Event') {
      this.forgetEvent(cluster, object);
      return;
    }
    if (!(object instanceof PackedResource)) return;
    const previous =
      change.previous instanceof PackedResource ? change.previous : undefined;
    this.version += 1;
    const affected =
      change.type === 'delete'
        ? this.mapper.remove(cluster, previous ?? object)
        : this.mapper.upsert(cluster, object, previous);
    for (const ref of affected) {
      this.dirty.add(ref);
      this.details.delete(ref);
    }
    this.schedule();
  }

  private onClusterState(state: ClusterState) {
    this.details.clear();
    this.emit({
      type: 'cluster.updated',
      sequence: 0,
      at: new Date(this.now()).toISOString(),
      cluster: state,
    });
    for (const service of this.mapper.allServices())
      this.dirty.add(service.entityRef);
    this.schedule();
  }

  private recordEvent(
    cluster: string,
    type: ObjectChange['type'],
    object: ObjectChange['object'],
  ) {
    const event = object.event;
    if (!event) return;
    // The informer's cache keeps only the identity; the projection lives in the bounded index.
    object.event = undefined;
    if (type === 'delete') {
      this.forgetEvent(cluster, object);
      return;
    }
    const owners = this.eventOwners.get(cluster) ?? new Map<string, string>();
    this.eventOwners.set(cluster, owners);
    const byObject =
      this.events.get(cluster) ?? new Map<string, EventProjection[]>();
    this.events.set(cluster, byObject);
    const target = objectKey(
      event.involvedObject.kind,
      event.involvedObject.namespace ?? event.namespace,
      event.involvedObject.name,
    );
    const eventKey = `${event.namespace}/${event.name}`;
    owners.set(eventKey, target);
    const list = (byObject.get(target) ?? []).filter(e => e.uid !== event.uid);
    list.push(event);
    list.sort((a, b) =>
      (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
    );
    const limit = this.options.eventsPerObject ?? 10;
    for (const dropped of list.splice(limit))
      owners.delete(`${dropped.namespace}/${dropped.name}`);
    byObject.set(target, list);
  }

  /** Drops the memoised details of the services an event's object belongs to. */
  private forgetDetailsAbout(
    cluster: string,
    target: { kind: string; namespace?: string; name: string },
  ) {
    if (this.details.size === 0) return;
    const resource = this.watches
      .get(cluster)
      ?.get(target.kind, target.namespace ?? '', target.name);
    if (!(resource instanceof PackedResource)) return;
    for (const ref of this.mapper.claimants(cluster, resource)) {
      this.details.delete(ref);
    }
  }

  private forgetEvent(cluster: string, object: ObjectChange['object']) {
    const eventKey = `${object.metadata.namespace ?? ''}/${
      object.metadata.name
    }`;
    const target = this.eventOwners.get(cluster)?.get(eventKey);
    if (!target) return;
    const [kind, namespace, name] = target.split('/');
    this.forgetDetailsAbout(cluster, { kind, namespace, name });
    this.eventOwners.get(cluster)?.delete(eventKey);
    const byObject = this.events.get(cluster);
    const list = byObject
      ?.get(target)
      ?.filter(e => `${e.namespace}/${e.name}` !== eventKey);
    if (!byObject || !list) return;
    if (list.length === 0) byObject.delete(target);
    else byObject.set(target, list);
  }

  private eventsFor(
    cluster: string,
    service: CatalogService,
  ): EventProjection[] {
    const byObject = this.events.get(cluster);
    if (!byObject) return [];
    const result = this.mapper
      .resourcesFor(service, cluster)
      .flatMap(r => byObject.get(objectKey(r.kind, r.namespace, r.name)) ?? []);
    result.sort((a, b) =>
      (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
    );
    return result.slice(0, 50);
  }

  private clusterDetails(
    service: CatalogService,
  ): Array<{ detail: ClusterHealthDetail; state: ClusterConnection }> {
    const now = new Date(this.now());
    return [...this.watches.values()]
      .filter(
        w => !service.selector.cluster || w.name === service.selector.cluster,
      )
      .map(watch => {
        const state = watch.connection();
        const detail = rollupClusterHealth({
          cluster: watch.name,
          resources: this.mapper
            .resourcesFor(service, watch.name)
            .map(r => r.projection),
          connection: state,
          now,
          restartWindowMs: this.options.restartWindowMs,
        });
        return { detail, state };
      });
  }

  private computeSummary(service: CatalogService): ServiceSummary {
    // Clusters the service does not run in (and that are synced) are left
    // out of the breakdown; an unsynced cluster stays, since it may run there.
    const details = this.clusterDetails(service)
      .filter(
        ({ detail, state }) =>
          detail.workloadCount > 0 ||
          state.state !== 'synced' ||
          detail.cluster === service.selector.cluster,
      )
      .map(d => d.detail);
    const health = rollupServiceHealth({
      clusters: details,
      expectedClusters: service.selector.cluster
        ? [service.selector.cluster]
        : undefined,
    });
    const summary: ServiceSummary = {
      entityRef: service.entityRef,
      name: service.name,
      namespace: service.namespace,
      kind: service.kind,
      health: { status: health.status, message: health.message },
      clusters: health.clusters,
      ready: health.ready,
      desired: health.desired,
      restarts: health.restarts,
    };
    const optional = {
      title: service.title,
      owner: service.owner,
      system: service.system,
      lifecycle: service.lifecycle,
      dataClassification: service.dataClassification,
      lastChange: health.lastChange,
    };
    for (const [key, value] of Object.entries(optional)) {
      if (value !== undefined)
        (summary as unknown as Record<string, unknown>)[key] = value;
    }
    return summary;
  }
}
