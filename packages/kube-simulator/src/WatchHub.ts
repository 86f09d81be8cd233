import { KubeObject, WatchEventType } from './types';

/** One change to one object, as kept in the watch history. */
export interface StoredEvent {
  type: WatchEventType;
  /** The storage key of the resource, e.g. `apps/deployments`. */
  storageKey: string;
  object: KubeObject;
  /** The object before the change, for MODIFIED and DELETED. */
  previous?: KubeObject;
  resourceVersion: number;
}

type Listener = (event: StoredEvent) => void;

/**
 * Fans out object changes to watchers and keeps a bounded ring of recent
 * events so watches can resume from a resourceVersion. A resourceVersion
 * older than the ring answers "expired" (410 Gone).
 */
export class WatchHub {
  private readonly ring: Array<StoredEvent | undefined>;
  private head = 0;
  private size = 0;
  /** Events with a resourceVersion at or below this have been forgotten. */
  private compactedThrough = 0;
  private readonly listeners = new Set<Listener>();

  constructor(options: { historySize: number }) {
    this.ring = new Array(Math.max(1, options.historySize));
  }

  publish(event: StoredEvent): void {
    const capacity = this.ring.length;
    if (this.size === capacity) {
      const dropped = this.ring[this.head];
      if (dropped) this.compactedThrough = dropped.resourceVersion;
      this.ring[this.head] = event;
      this.head = (this.head + 1) % capacity;
    } else {
      this.ring[(this.head + this.size) % capacity] = event;
      this.size++;
    }
    for (const listener of this.listeners) {
      listener(event);
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Whether history after `resourceVersion` is still complete. */
  isAvailable(resourceVersion: number): boolean {
    return resourceVersion >= this.compactedThrough;
  }

  /** The oldest resourceVersion a client can still resume from. */
  get oldestResumable(): number {
    return this.compactedThrough;
  }

  /** Events after `resourceVersion`, oldest first; undefined if expired. */
  eventsAfter(resourceVersion: number): StoredEvent[] | undefined {
    if (!this.isAvailable(resourceVersion)) return undefined;
    const result: StoredEvent[] = [];
    const capacity = this.ring.length;
    for (let i = 0; i < this.size; i++) {
      const event = this.ring[(this.head + i) % capacity]!;
      if (event.resourceVersion > resourceVersion) result.push(event);
    }
    return result;
  }

  /** Forgets all history up to `resourceVersion`, as etcd compaction does. */
  expire(resourceVersion: number): void {
    this.compactedThrough = Math.max(this.compactedThrough, resourceVersion);
    this.ring.fill(undefined);
    this.head = 0;
    this.size = 0;
  }
}
