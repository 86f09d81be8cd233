import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  type EntityFilterQuery,
} from '@backstage/catalog-client';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService as CatalogApi } from '@backstage/plugin-catalog-node';
import {
  ClusterSource,
  type ClusterDefinition,
} from '../clusters/ClusterSource';
import {
  catalogServiceFromEntity,
  type CatalogService,
} from './CatalogService';

/** Options of {@link CatalogServiceReader}. */
export interface CatalogServiceReaderOptions {
  catalog: CatalogApi;
  auth: AuthService;
  logger: LoggerService;
  /** Period of the full re-read (a safety net; changes arrive sooner). */
  intervalMs: number;
  /** Period of the cheap change check (entity refs and etags only). */
  changeCheckIntervalMs?: number;
  onServices(services: CatalogService[]): void;
  /** Receives clusters from `Resource` entities of type `kubernetes-cluster`, when set. */
  onClusters?(clusters: ClusterDefinition[]): Promise<void>;
}

const SERVICE_FILTER: EntityFilterQuery = [
  {
    kind: 'Component',
    'metadata.annotations.backstage.io/kubernetes-id': CATALOG_FILTER_EXISTS,
  },
  {
    kind: 'Component',
    'metadata.annotations.backstage.io/kubernetes-label-selector':
      CATALOG_FILTER_EXISTS,
  },
];
const CLUSTER_FILTER = { kind: 'Resource', 'spec.type': 'kubernetes-cluster' };

/** What a change check reads per entity. */
const ETAG_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];
/** What the fleet reads of a service entity. */
const SERVICE_FIELDS = [
  ...ETAG_FIELDS,
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
];

/** Entity refs per getEntitiesByRefs call. */
const REFS_PER_READ = 500;

interface Known {
  etag: string;
  service?: CatalogService;
}

function etagOf(entity: Entity): string {
  return entity.metadata.etag ?? JSON.stringify(entity);
}

/**
 * Reads the catalog's Components with Kubernetes annotations (and, when
 * asked, its `kubernetes-cluster` Resources) with the plugin's own
 * credentials. The catalog publishes no entity-change events, so changes
 * are found by a cheap check every few seconds that lists only refs and
 * etags; only entities that are new or whose etag changed are then read,
 * and entities missing from the list are dropped. A full re-read runs at a
 * much longer period as a safety net.
 *
 * @public
 */
export class CatalogServiceReader {
  private readonly options: CatalogServiceReaderOptions;
  private readonly known = new Map<string, Known>();
  private clusterEtags = '';
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private lastFullAt = 0;
  private running?: Promise<void>;

  constructor(options: CatalogServiceReaderOptions) {
    this.options = options;
  }

  start(): void {
    this.stopped = false;
    void this.refresh();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * Brings the services up to date: a full read when due, else a change
   * check. Failures are logged and retried next period.
   */
  refresh(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const { logger } = this.options;
    try {
      const full =
        this.known.size === 0 ||
        Date.now() - this.lastFullAt >= this.options.intervalMs;
      if (full) await this.readAll();
      else await this.readChanges();
    } catch (error) {
      logger.warn(
        `Fleet could not read services or clusters from the catalog, keeping the previous ones: ${String(
          error,
        )}`,
      );
    } finally {
      if (!this.stopped) {
        clearTimeout(this.timer);
        this.timer = setTimeout(
          () => void this.refresh(),
          Math.min(
            this.options.changeCheckIntervalMs ?? 5_000,
            this.options.intervalMs,
          ),
        );
      }
    }
  }

  private async credentials() {
    return this.options.auth.getOwnServiceCredentials();
  }

  private async readAll(): Promise<void> {
    const credentials = await this.credentials();
    const { items } = await this.options.catalog.getEntities(
      { filter: SERVICE_FILTER, fields: SERVICE_FIELDS },
      { credentials },
    );
    this.known.clear();
    for (const entity of items) this.remember(entity);
    this.lastFullAt = Date.now();
    this.publish();
    await this.readClusters(true);
  }

  private async readChanges(): Promise<void> {
    const credentials = await this.credentials();
    const { items } = await this.options.catalog.getEntities(
      { filter: SERVICE_FILTER, fields: ETAG_FIELDS },
      { credentials },
    );
    const listed = new Set<string>();
    const stale: string[] = [];
    for (const entity of items) {
      const ref = stringifyEntityRef(entity);
      listed.add(ref);
      if (this.known.get(ref)?.etag !== etagOf(entity)) stale.push(ref);
    }
    let changed = false;
    for (const ref of this.known.keys()) {
      if (!listed.has(ref)) {
        this.known.delete(ref);
        changed = true;
      }
    }
    for (let i = 0; i < stale.length; i += REFS_PER_READ) {
      const { items: read } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: stale.slice(i, i + REFS_PER_READ),
          fields: SERVICE_FIELDS,
        },
        { credentials },
      );
      for (const entity of read) {
        if (entity) this.remember(entity);
      }
      changed = true;
    }
    if (changed) this.publish();
    await this.readClusters(false);
  }

  private remember(entity: Entity) {
    this.known.set(stringifyEntityRef(entity), {
      etag: etagOf(entity),
      service: catalogServiceFromEntity(entity),
    });
  }

  private publish() {
    const services: CatalogService[] = [];
    for (const { service } of this.known.values()) {
      if (service) services.push(service);
    }
    this.options.onServices(services);
  }

  /** Cluster entities are few: their etags are checked, and all re-read on a change. */
  private async readClusters(force: boolean): Promise<void> {
    if (!this.options.onClusters) return;
    const credentials = await this.credentials();
    const { items: etags } = await this.options.catalog.getEntities(
      { filter: CLUSTER_FILTER, fields: ETAG_FIELDS },
      { credentials },
    );
    const signature = etags
      .map(e => `${stringifyEntityRef(e)}@${etagOf(e)}`)
      .sort()
      .join(',');
    if (!force && signature === this.clusterEtags) return;
    const resources = await this.options.catalog.getEntities(
      { filter: CLUSTER_FILTER },
      { credentials },
    );
    this.clusterEtags = signature;
    await this.options.onClusters(
      resources.items.flatMap(entity => {
        const cluster = ClusterSource.fromEntity(entity);
        return cluster ? [cluster] : [];
      }),
    );
  }
}
