import { StoredEvent } from '../WatchHub';

/**
 * A reconciler: maps changes to the keys it must look at, then brings
 * one key's state to where it should be. Event driven; nothing polls.
 */
export interface Controller {
  readonly name: string;
  keysFor(event: StoredEvent): string[];
  reconcile(key: string): void;
  /** Called when the cluster stops. */
  stop?(): void;
}

/** `namespace/name`, the key controllers queue. */
export function keyOf(obj: {
  metadata: { namespace?: string; name?: string };
}): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`;
}

/** Splits a `namespace/name` key. */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
