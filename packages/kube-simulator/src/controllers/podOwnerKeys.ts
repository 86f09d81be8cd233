import { KubeObject } from '../types';
import { StoredEvent } from '../WatchHub';
import { keyOf } from './Controller';

/**
 * The work keys of a controller that owns pods: the owner itself when it is
 * created or its spec changes (a new generation), and the owner of a pod
 * whose change the controller cares about (`podChanged`).
 */
export function podOwnerKeys(
  event: StoredEvent,
  options: {
    /** Storage key of the owner's resource, e.g. `apps/replicasets`. */
    storageKey: string;
    /** The owner's kind in pods' controller owner references. */
    kind: string;
    /** Whether a pod's change matters to its owner. */
    podChanged: (previous: KubeObject, current: KubeObject) => boolean;
  },
): string[] {
  if (event.storageKey === options.storageKey) {
    if (event.type === 'DELETED') return [];
    if (
      event.type === 'MODIFIED' &&
      event.previous?.metadata.generation === event.object.metadata.generation
    )
      return [];
    return [keyOf(event.object)];
  }
  if (event.storageKey === '/pods') {
    const ref = event.object.metadata.ownerReferences?.find(
      r => r.controller && r.kind === options.kind,
    );
    if (!ref) return [];
    if (
      event.type === 'MODIFIED' &&
      !options.podChanged(event.previous!, event.object)
    )
      return [];
    return [`${event.object.metadata.namespace}/${ref.name}`];
  }
  return [];
}
