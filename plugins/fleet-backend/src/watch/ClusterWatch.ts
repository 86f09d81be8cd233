import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  KubeConfig,
  ListWatch,
  Watch,
  type KubernetesListObject,
} from '@kubernetes/client-node';
import type {
  ClusterConnection,
  ClusterState,
  ClusterSyncState,
  ResourceCounts,
} from '@carepath/plugin-fleet-common';
import type { ClusterDefinition } from '../clusters/ClusterSource';
import { ApiServerClient } from './ApiServerClient';
import { ApiServerError } from './ApiServerError';
import { Backoff } from './Backoff';
import { delay as defaultDelay, type DelayFunction } from './delay';
import {
  watchedKinds,
  type CompactObject,
  type WatchedKind,
} from './watchedKinds';

/** A change to one cached object. */
export interface ObjectChange {
  cluster: string;
  kind: string;
  type: 'add' | 'update' | 'delete';
  object: CompactObject;
  /**
   * The version the informer held before (for updates, and for deletes
   * seen on a watch, whose object is the deleted version as sent).
   */
  previous?: CompactObject;
}

/** Options of {@link ClusterWatch}. */
export interface ClusterWatchOptions {
  cluster: ClusterDefinition;
  logger: LoggerService;
  /** Time allowed for a list, or for a watch response to start. */
  requestTimeoutMs: number;
  /** A watch that sends nothing (not even a bookmark) for this long is reopened. */
  watchIdleTimeoutMs?: number;
  /** Server-side watch timeout; watches are renewed after it. */
  watchTimeoutSeconds?: number;
  kinds?: WatchedKind[];
  now?: () => number;
  delay?: DelayFunction;
  backoff?: { initialMs?: number; maxMs?: number };
  onChange(change: ObjectChange): void;
  onStateChange(state: ClusterState): void;
}

type KindStatus = 'listing' | 'watching' | 'failed';

/**
 * Wraps client-node's Watch so the informer asks for bookmarks and a
 * server-side timeout, gets compact objects instead of whole ones, and
 * every request has a timeout. Everything else (resourceVersion tracking,
 * relist on 410 Gone, the cache map) stays client-node's ListWatch.
 */
class CompactWatch extends Watch {
  constructor(
    private readonly options: {
      client: ApiServerClient;
      kind: WatchedKind;
      idleTimeoutMs: number;
      timeoutSeconds: number;
      onOpen(): void;
      /** Remembers the cached version of an object while its change is handled. */
      remember(object: CompactObject): () => void;
    },
  ) {
    super(new KubeConfig());
  }

  override async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: unknown, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    const params = new URLSearchParams({
      watch: 'true',
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(this.options.timeoutSeconds),
    });
    for (const [key, value] of Object.entries(queryParams)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const controller = new AbortController();
    const stream = this.options.client.watch({
      path: `${path}?${params}`,
      idleTimeoutMs: this.options.idleTimeoutMs,
      onOpen: this.options.onOpen,
      onLine: line => {
        let event: { type?: string; object?: unknown };
        try {
          event = JSON.parse(line);
        } catch {
          // A torn line: the stream is ending; the relist/rewatch recovers.
          return;
        }
        if (!event.type || !event.object) return;
        if (
          event.type === 'ADDED' ||
          event.type === 'MODIFIED' ||
          event.type === 'DELETED'
        ) {
          const object = this.options.kind.compact(event.object);
          const forget = this.options.remember(object);
          try {
            callback(event.type, object);
          } finally {
            forget();
          }
        } else {
          callback(event.type, event.object);
        }
      },
      onDone: error => {
        controller.abort();
        done(error ?? null);
      },
    });
    controller.signal.addEventListener('abort', () => stream.abort(), {
      once: true,
    });
    return controller;
  }
}

interface KindInformer {
  kind: WatchedKind;
  listWatch: ListWatch<CompactObject>;
  /** New version → the version it replaces, while the change is handled. */
  previous: Map<CompactObject, CompactObject>;
  status: KindStatus;
  error?: string;
  backoff: Backoff;
}

/**
 * Lists and watches one cluster with client-node informers, keeps only
 * compact projections, reconnects with backoff (1 s doubling to 30 s) and
 * reports the cluster's state: `syncing` until every kind is listed and
 * watched, `synced`, `stale` when some kinds fail, `unreachable` when all do.
 *
 * @public
 */
export class ClusterWatch {
  readonly name: string;
  private readonly options: ClusterWatchOptions;
  private readonly client: ApiServerClient;
  private readonly informers: KindInformer[] = [];
  private readonly abort = new AbortController();
  private readonly now: () => number;
  private readonly delay: DelayFunction;
  private state: ClusterSyncState = 'syncing';
  private since: number;
  private lastSyncedAt?: number;
  private lastError?: string;
  private started = false;

  constructor(options: ClusterWatchOptions) {
    this.options = options;
    this.name = options.cluster.name;
    this.now = options.now ?? Date.now;
    this.delay = options.delay ?? defaultDelay;
    this.since = this.now();
    this.client = new ApiServerClient({
      cluster: options.cluster,
      requestTimeoutMs: options.requestTimeoutMs,
    });
    for (const kind of options.kinds ?? watchedKinds) {
      this.informers.push(this.createInformer(kind));
    }
  }

  /** Starts every informer; returns at once (data arrives in the background). */
  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.options.cluster.unsupported) {
      this.lastError = `${this.name}: ${this.options.cluster.unsupported}`;
      this.setState('unreachable');
      return;
    }
    for (const informer of this.informers) this.run(informer);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.informers.map(i => i.listWatch.stop()));
    this.client.close();
  }

  /** Cached objects of a kind, optionally in one namespace. */
  list(kind: string, namespace?: string): ReadonlyArray<CompactObject> {
    const informer = this.informers.find(i => i.kind.kind === kind);
    return informer ? informer.listWatch.list(namespace) : [];
  }

  /** One cached object. */
  get(
    kind: string,
    namespace: string,
    name: string,
  ): CompactObject | undefined {
    return this.informers
      .find(i => i.kind.kind === kind)
      ?.listWatch.get(name, namespace);
  }

  /** The connection state alone: cheap, for health roll-ups. */
  connection(): ClusterConnection {
    const result: ClusterConnection = {
      state: this.state,
      since: new Date(this.since).toISOString(),
    };
    const synced = this.state === 'synced' ? this.now() : this.lastSyncedAt;
    if (synced !== undefined) {
      result.lastSyncedAt = new Date(synced).toISOString();
    }
    if (this.lastError && this.state !== 'synced') {
      result.lastError = this.lastError;
    }
    return result;
  }

  /** The connection state with object counts, as served at `/api/fleet/clusters`. */
  clusterState(): ClusterState {
    const resourceCounts: ResourceCounts = {};
    for (const informer of this.informers) {
      const kind = informer.kind.kind as keyof ResourceCounts;
      resourceCounts[kind] = informer.listWatch.list().length;
    }
    const result: ClusterState = {
      name: this.name,
      state: this.state,
      since: new Date(this.since).toISOString(),
      resourceCounts,
    };
    const synced = this.state === 'synced' ? this.now() : this.lastSyncedAt;
    if (synced !== undefined)
      result.lastSyncedAt = new Date(synced).toISOString();
    if (this.lastError && this.state !== 'synced')
      result.lastError = this.lastError;
    return result;
  }

  private createInformer(kind: WatchedKind): KindInformer {
    const informer: KindInformer = {
      kind,
      status: 'listing',
      backoff: new Backoff(this.options.backoff),
      listWatch: undefined as unknown as ListWatch<CompactObject>,
      previous: new Map(),
    };
    const remember = (object: CompactObject) => {
      const old = informer.listWatch.get(
        object.metadata.name,
        object.metadata.namespace,
      );
      if (old && old !== object) informer.previous.set(object, old);
      return () => informer.previous.delete(object);
    };
    const watch = new CompactWatch({
      client: this.client,
      kind,
      idleTimeoutMs: this.options.watchIdleTimeoutMs ?? 120_000,
      timeoutSeconds: this.options.watchTimeoutSeconds ?? 300,
      onOpen: () => {
        informer.status = 'watching';
        informer.error = undefined;
        informer.backoff.reset();
        this.updateState();
      },
      remember,
    });
    const list = async (): Promise<KubernetesListObject<CompactObject>> => {
      // A failing kind stays failed until its watch opens again.
      if (informer.status !== 'failed') {
        informer.status = 'listing';
        this.updateState();
      }
      const path = kind.fieldSelector
        ? `${kind.path}?fieldSelector=${encodeURIComponent(kind.fieldSelector)}`
        : kind.path;
      const body = (await this.client.getJson(path)) as {
        metadata?: { resourceVersion?: string };
        items?: unknown[];
      };
      const items = (body.items ?? []).map(item => kind.compact(item));
      // client-node files the list right after this resolves, in the same
      // turn of the event loop; the versions replaced are known until then.
      const forget = items.map(remember);
      setImmediate(() => forget.forEach(f => f()));
      return {
        metadata: { resourceVersion: body.metadata?.resourceVersion },
        items,
      };
    };
    informer.listWatch = new ListWatch<CompactObject>(
      kind.path,
      watch,
      list,
      false,
      undefined,
      kind.fieldSelector,
    );
    const emit = (type: ObjectChange['type']) => (object: CompactObject) => {
      const change: ObjectChange = {
        cluster: this.name,
        kind: kind.kind,
        type,
        object,
      };
      const previous = informer.previous.get(object);
      if (previous) change.previous = previous;
      this.options.onChange(change);
    };
    informer.listWatch.on('add', emit('add'));
    informer.listWatch.on('update', emit('update'));
    informer.listWatch.on('delete', emit('delete'));
    informer.listWatch.on('error', (error: unknown) => {
      this.onInformerError(informer, error);
    });
    return informer;
  }

  private run(informer: KindInformer): void {
    informer.listWatch.start().catch((error: unknown) => {
      this.onInformerError(informer, error);
    });
  }

  private onInformerError(informer: KindInformer, error: unknown): void {
    if (this.abort.signal.aborted) return;
    const message =
      error instanceof ApiServerError
        ? error.message
        : `${this.name}: ${kindLabel(informer)} failed (${String(error)})`;
    const waitMs = informer.backoff.next();
    if (informer.error !== message) {
      this.options.logger.warn(
        `Fleet watch of ${kindLabel(informer)} in cluster ${
          this.name
        } failed, retrying in ${waitMs} ms: ${message}`,
      );
    }
    informer.status = 'failed';
    informer.error = message;
    this.lastError = message;
    this.updateState();
    this.delay(waitMs, this.abort.signal).then(() => {
      if (!this.abort.signal.aborted) this.run(informer);
    });
  }

  private updateState(): void {
    const statuses = this.informers.map(i => i.status);
    let next: ClusterSyncState;
    if (statuses.every(s => s === 'watching')) next = 'synced';
    else if (statuses.every(s => s === 'failed')) next = 'unreachable';
    else if (statuses.some(s => s === 'failed')) next = 'stale';
    else next = 'syncing';
    this.setState(next);
  }

  private setState(next: ClusterSyncState): void {
    if (next === this.state) return;
    const now = this.now();
    if (this.state === 'synced') this.lastSyncedAt = now;
    if (next === 'synced') {
      this.lastSyncedAt = now;
      this.lastError = undefined;
      this.options.logger.info(`Fleet cluster ${this.name} is synced`);
    }
    this.state = next;
    this.since = now;
    this.options.onStateChange(this.clusterState());
  }
}

function kindLabel(informer: KindInformer) {
  return `${informer.kind.kind} (${informer.kind.path})`;
}
