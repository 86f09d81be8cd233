import type { ObservedObject } from '../KubernetesObservations';

/**
 * Whether two observed objects can refer to each other: same cluster (or
 * both from manifests) and same namespace. A manifest without a namespace
 * is deployed into the release namespace, so it matches any namespace.
 */
export function sameScope(
  a: Pick<ObservedObject, 'source' | 'namespace'>,
  b: Pick<ObservedObject, 'source' | 'namespace'>,
): boolean {
  if (a.source.type !== b.source.type) {
    return false;
  }
  if (
    a.source.type === 'cluster' &&
    b.source.type === 'cluster' &&
    a.source.cluster !== b.source.cluster
  ) {
    return false;
  }
  if (a.namespace === undefined || b.namespace === undefined) {
    return a.source.type === 'manifest';
  }
  return a.namespace === b.namespace;
}
