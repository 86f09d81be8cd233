import { Clock, formatTimestamp } from '../Clock';
import { ObjectStore } from '../ObjectStore';
import { ResourceType } from '../ResourceType';
import { KubeObject } from '../types';

/** What one recorded event is about. */
export interface EventRecord {
  involved: KubeObject;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  component: string;
  host?: string;
  fieldPath?: string;
}

/**
 * Writes core/v1 Events the way kubelets and controllers do: repeated
 * events (same object, reason and message) bump `count` and
 * `lastTimestamp` instead of piling up. The oldest events are deleted
 * beyond `maxEvents`, as the real event TTL would.
 */
export class EventRecorder {
  private readonly byKey = new Map<
    string,
    { namespace: string; name: string }
  >();
  private readonly order: string[] = [];
  private seq = 0;

  constructor(
    private readonly options: {
      store: ObjectStore;
      eventType: ResourceType;
      clock: Clock;
      maxEvents: number;
      /** Normal events can be switched off for very large fleets. */
      recordNormal: boolean;
    },
  ) {}

  record(event: EventRecord): void {
    if (event.type === 'Normal' && !this.options.recordNormal) return;
    const { store, eventType, clock } = this.options;
    const inv = event.involved;
    const namespace = inv.metadata.namespace ?? 'default';
    const key = `${inv.metadata.uid}|${event.reason}|${event.message}`;
    const now = formatTimestamp(clock.now());
    const known = this.byKey.get(key);
    const existing = known
      ? store.get(eventType, known.namespace, known.name)
      : undefined;
    if (existing) {
      store.update(eventType, {
        ...existing,
        count: Number(existing.count ?? 1) + 1,
        lastTimestamp: now,
        metadata: { ...existing.metadata },
      });
      return;
    }
    if (!store.get('/namespaces', '', namespace)) return;
    const name = `${inv.metadata.name}.${(
      clock.now() * 1000 +
      (this.seq++ % 1000)
    ).toString(16)}`;
    store.create(eventType, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: inv.apiVersion,
        kind: inv.kind,
        name: inv.metadata.name,
        namespace: inv.metadata.namespace,
        uid: inv.metadata.uid,
        resourceVersion: inv.metadata.resourceVersion,
        ...(event.fieldPath ? { fieldPath: event.fieldPath } : {}),
      },
      reason: event.reason,
      message: event.message,
      source: {
        component: event.component,
        ...(event.host ? { host: event.host } : {}),
      },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type: event.type,
      eventTime: null,
      reportingComponent: event.component,
      reportingInstance: event.host ?? '',
    });
    this.byKey.set(key, { namespace, name });
    this.order.push(key);
    while (this.order.length > this.options.maxEvents) {
      const oldest = this.order.shift()!;
      const ref = this.byKey.get(oldest);
      this.byKey.delete(oldest);
      if (ref && store.get(eventType, ref.namespace, ref.name)) {
        store.delete(eventType, ref.namespace, ref.name);
      }
    }
  }
}
