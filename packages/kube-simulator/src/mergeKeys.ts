import { JsonValue } from './types';

/**
 * Merge keys of the lists built-in kinds merge by (`patchMergeKey` in the
 * Kubernetes Go types). Lists not named here are atomic.
 */
const mergeKeyByField: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  conditions: 'type',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  containerStatuses: 'name',
};

/** Lists of scalars merged as sets rather than replaced. */
export const setLikeFields = new Set(['finalizers']);

/**
 * The merge key for the list in `field`, looking at its items where the key
 * depends on context (container ports merge by `containerPort`, service
 * ports by `port`).
 */
export function mergeKeyFor(
  field: string,
  items: JsonValue[],
): string | undefined {
  if (field === 'ports') {
    const first = items.find(
      i => i && typeof i === 'object' && !Array.isArray(i),
    ) as Record<string, JsonValue> | undefined;
    if (!first) return undefined;
    if ('containerPort' in first) return 'containerPort';
    if ('port' in first) return 'port';
    return undefined;
  }
  return mergeKeyByField[field];
}
