import { mergeKeyFor } from './mergeKeys';
import { StatusCause, StatusError } from './Status';
import { JsonObject, JsonValue, KubeObject } from './types';

/** One `metadata.managedFields` entry. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
  subresource?: string;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep equality of JSON values, ignoring map key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every(
      k => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]),
    );
  }
  return false;
}

const ignoredMetadata = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'managedFields',
  'selfLink',
]);

/**
 * Tracks which manager owns which fields (server-side apply). Field paths
 * use the FieldsV1 segment syntax (`f:spec`, `k:{"name":"app"}`). Lists
 * with a known merge key are tracked per element; all other lists and all
 * scalars are owned as a whole.
 */
export class FieldManager {
  constructor(private readonly options: { keyedLists: boolean }) {}

  /** The owned-field paths of an object or apply configuration. */
  pathsOf(obj: KubeObject | JsonObject, includeStatus = false): Set<string> {
    const out = new Set<string>();
    for (const [key, value] of Object.entries(obj)) {
      if (key === 'apiVersion' || key === 'kind') continue;
      if (key === 'status' && !includeStatus) continue;
      if (key === 'metadata' && isObject(value)) {
        for (const [mk, mv] of Object.entries(value)) {
          if (ignoredMetadata.has(mk) || mv === undefined) continue;
          this.collect(mv as JsonValue, ['f:metadata', `f:${mk}`], out, mk);
        }
        continue;
      }
      this.collect(value as JsonValue, [`f:${key}`], out, key);
    }
    return out;
  }

  private collect(
    value: JsonValue,
    prefix: string[],
    out: Set<string>,
    field: string,
  ): void {
    if (isObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0) out.add(JSON.stringify(prefix));
      for (const k of keys)
        this.collect(value[k], [...prefix, `f:${k}`], out, k);
      return;
    }
    if (Array.isArray(value) && this.options.keyedLists) {
      const key = mergeKeyFor(field, value);
      if (
        key &&
        value.length > 0 &&
        value.every(v => isObject(v) && v[key] !== undefined)
      ) {
        for (const item of value as JsonObject[]) {
          const seg = `k:${JSON.stringify({ [key]: item[key] })}`;
          out.add(JSON.stringify([...prefix, seg]));
          for (const [k, v] of Object.entries(item)) {
            this.collect(v, [...prefix, seg, `f:${k}`], out, k);
          }
        }
        return;
      }
    }
    out.add(JSON.stringify(prefix));
  }

  /** Reads the value at a path; undefined when absent. */
  valueAt(obj: unknown, path: string[]): unknown {
    let current: unknown = obj;
    for (const seg of path) {
      if (seg.startsWith('f:')) {
        if (!isObject(current)) return undefined;
        current = current[seg.slice(2)];
      } else if (seg.startsWith('k:')) {
        if (!Array.isArray(current)) return undefined;
        const key = JSON.parse(seg.slice(2)) as JsonObject;
        current = current.find(
          item =>
            isObject(item) &&
            Object.entries(key).every(([k, v]) => item[k] === v),
        );
      } else {
        return undefined;
      }
      if (current === undefined) return undefined;
    }
    return current;
  }

  private removeAt(obj: JsonObject, path: string[]): void {
    const parent = this.valueAt(obj, path.slice(0, -1));
    const last = path[path.length - 1];
    if (last.startsWith('f:') && isObject(parent)) {
      delete parent[last.slice(2)];
    } else if (last.startsWith('k:') && Array.isArray(parent)) {
      const key = JSON.parse(last.slice(2)) as JsonObject;
      const index = parent.findIndex(
        item =>
          isObject(item) &&
          Object.entries(key).every(([k, v]) => item[k] === v),
      );
      if (index >= 0) parent.splice(index, 1);
    }
  }

  private merge(target: JsonObject, config: JsonObject): JsonObject {
    for (const [key, value] of Object.entries(config)) {
      const current = target[key];
      if (isObject(value) && isObject(current)) {
        target[key] = this.merge(current, value);
      } else if (
        Array.isArray(value) &&
        Array.isArray(current) &&
        this.options.keyedLists
      ) {
        const mergeKey = mergeKeyFor(key, value);
        if (
          mergeKey &&
          value.every(v => isObject(v) && v[mergeKey] !== undefined)
        ) {
          const result = [...current];
          for (const item of value as JsonObject[]) {
            const index = result.findIndex(
              r => isObject(r) && r[mergeKey] === item[mergeKey],
            );
            if (index >= 0)
              result[index] = this.merge(result[index] as JsonObject, item);
            else result.push(structuredClone(item));
          }
          target[key] = result;
        } else {
          target[key] = structuredClone(value);
        }
      } else {
        target[key] = structuredClone(value);
      }
    }
    return target;
  }

  /** Reads managedFields into path sets. */
  entriesOf(
    obj: KubeObject | undefined,
  ): Array<ManagedFieldsEntry & { paths: Set<string> }> {
    return (
      (obj?.metadata.managedFields ?? []) as unknown as ManagedFieldsEntry[]
    ).map(e => ({
      ...e,
      paths: fromFieldsV1(e.fieldsV1 ?? {}),
    }));
  }

  private toEntries(
    entries: Array<ManagedFieldsEntry & { paths: Set<string> }>,
  ): JsonObject[] {
    return entries
      .filter(e => e.paths.size > 0)
      .map(
        ({ paths, ...e }) =>
          ({ ...e, fieldsV1: toFieldsV1(paths) } as unknown as JsonObject),
      );
  }

  /**
   * Server-side apply: merges `config` into `live` as `manager`. Throws a
   * 409 naming the conflicting fields and managers unless `force` is set,
   * in which case the manager takes those fields over.
   */
  apply(options: {
    live: KubeObject | undefined;
    config: KubeObject;
    manager: string;
    force: boolean;
    apiVersion: string;
    time: string;
  }): KubeObject {
    const { live, config, manager, force, apiVersion, time } = options;
    const configPaths = this.pathsOf(config);
    const entries = this.entriesOf(live);
    const conflicts: Array<{
      manager: string;
      apiVersion: string;
      path: string[];
    }> = [];
    for (const entry of entries) {
      if (entry.manager === manager && entry.operation === 'Apply') continue;
      for (const p of entry.paths) {
        if (!configPaths.has(p)) continue;
        const path = JSON.parse(p) as string[];
        if (path[path.length - 1].startsWith('k:')) continue;
        if (!jsonEqual(this.valueAt(live, path), this.valueAt(config, path))) {
          conflicts.push({
            manager: entry.manager,
            apiVersion: entry.apiVersion,
            path,
          });
        }
      }
    }
    if (conflicts.length > 0 && !force) {
      throw conflictError(conflicts, config);
    }
    const working = (
      live
        ? structuredClone(live)
        : {
            apiVersion: config.apiVersion,
            kind: config.kind,
            metadata: {
              name: config.metadata.name,
              ...(config.metadata.namespace
                ? { namespace: config.metadata.namespace }
                : {}),
            },
          }
    ) as JsonObject;
    const mine = entries.find(
      e => e.manager === manager && e.operation === 'Apply',
    );
    const others = entries.filter(e => e !== mine);
    if (force) {
      for (const e of others) {
        for (const c of conflicts)
          if (c.manager === e.manager) e.paths.delete(JSON.stringify(c.path));
      }
    }
    const ownedByOthers = new Set<string>();
    for (const e of others) for (const p of e.paths) ownedByOthers.add(p);
    // Fields this manager applied before but no longer mentions are removed
    // unless someone else also owns them.
    const dropped = [...(mine?.paths ?? [])]
      .filter(p => !configPaths.has(p) && !ownedByOthers.has(p))
      .map(p => JSON.parse(p) as string[])
      .sort((a, b) => b.length - a.length);
    for (const path of dropped) this.removeAt(working, path);
    const { metadata: configMeta, ...configRest } = config;
    this.merge(working, configRest as JsonObject);
    const meta = working.metadata as JsonObject;
    for (const field of [
      'labels',
      'annotations',
      'ownerReferences',
      'finalizers',
    ] as const) {
      const value = (configMeta as JsonObject | undefined)?.[field];
      if (value === undefined) continue;
      meta[field] =
        isObject(value) && isObject(meta[field])
          ? this.merge(meta[field] as JsonObject, value)
          : structuredClone(value);
    }
    for (const field of ['labels', 'annotations'] as const) {
      if (
        isObject(meta[field]) &&
        Object.keys(meta[field] as JsonObject).length === 0
      )
        delete meta[field];
    }
    const next = [
      ...others,
      {
        manager,
        operation: 'Apply' as const,
        apiVersion,
        time,
        fieldsType: 'FieldsV1' as const,
        fieldsV1: {},
        paths: configPaths,
      },
    ];
    meta.managedFields = this.toEntries(next);
    return working as unknown as KubeObject;
  }

  /**
   * Records a non-apply write: `manager` takes ownership of every field it
   * changed, and loses nothing else.
   */
  recordUpdate(options: {
    previous: KubeObject | undefined;
    next: KubeObject;
    manager: string;
    apiVersion: string;
    time: string;
    subresource?: string;
  }): JsonObject[] {
    const { previous, next, manager, apiVersion, time, subresource } = options;
    const includeStatus = subresource === 'status';
    const before = previous
      ? this.pathsOf(previous, includeStatus)
      : new Set<string>();
    const after = this.pathsOf(next, includeStatus);
    const changed = new Set<string>();
    for (const p of after) {
      if (includeStatus && !p.startsWith('["f:status"')) continue;
      const path = JSON.parse(p) as string[];
      if (
        !before.has(p) ||
        !jsonEqual(this.valueAt(previous, path), this.valueAt(next, path))
      )
        changed.add(p);
    }
    const removed = [...before].filter(p => !after.has(p));
    const entries = this.entriesOf(previous);
    if (changed.size === 0 && removed.length === 0) {
      return (previous?.metadata.managedFields ?? []) as JsonObject[];
    }
    let mine = entries.find(
      e =>
        e.manager === manager &&
        e.operation === 'Update' &&
        (e.subresource ?? '') === (subresource ?? ''),
    );
    for (const e of entries) {
      if (e === mine) continue;
      for (const p of changed) e.paths.delete(p);
      for (const p of removed) e.paths.delete(p);
    }
    if (!mine) {
      mine = {
        manager,
        operation: 'Update',
        apiVersion,
        time,
        fieldsType: 'FieldsV1',
        fieldsV1: {},
        paths: new Set(),
        ...(subresource ? { subresource } : {}),
      };
      entries.push(mine);
    }
    mine.time = time;
    mine.apiVersion = apiVersion;
    for (const p of changed) mine.paths.add(p);
    for (const p of removed) mine.paths.delete(p);
    return this.toEntries(entries);
  }
}

function describePath(path: string[]): string {
  return path
    .map(seg => {
      if (seg.startsWith('f:')) return `.${seg.slice(2)}`;
      const key = JSON.parse(seg.slice(2)) as JsonObject;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    })
    .join('');
}

function conflictError(
  conflicts: Array<{ manager: string; apiVersion: string; path: string[] }>,
  config: KubeObject,
): StatusError {
  const causes: StatusCause[] = conflicts.map(c => ({
    reason: 'FieldManagerConflict',
    message: `conflict with "${c.manager}" using ${c.apiVersion}`,
    field: describePath(c.path),
  }));
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: ${causes[0].message}: ${causes[0].field}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of causes)
      byManager.set(c.message!, [
        ...(byManager.get(c.message!) ?? []),
        c.field!,
      ]);
    message = `Apply failed with ${conflicts.length} conflicts: ${[
      ...byManager.entries(),
    ]
      .map(
        ([m, fields]) =>
          `${m.replace('conflict with', 'conflicts with')}:\n${fields
            .map(f => `- ${f}`)
            .join('\n')}`,
      )
      .join('\n')}`;
  }
  return new StatusError({
    code: 409,
    reason: 'Conflict',
    message,
    details: { name: config.metadata?.name, kind: config.kind, causes },
  });
}

/** Converts a set of paths to the nested FieldsV1 form. */
export function toFieldsV1(paths: Set<string>): JsonObject {
  const root: JsonObject = {};
  for (const p of [...paths].sort()) {
    const path = JSON.parse(p) as string[];
    let node = root;
    for (const seg of path) {
      if (!isObject(node[seg])) node[seg] = {};
      node = node[seg] as JsonObject;
    }
    if (path[path.length - 1].startsWith('k:')) node['.'] = {};
  }
  return root;
}

/** Reads the nested FieldsV1 form into a set of paths. */
export function fromFieldsV1(
  tree: JsonObject,
  prefix: string[] = [],
  out = new Set<string>(),
): Set<string> {
  for (const [key, child] of Object.entries(tree)) {
    if (key === '.') {
      out.add(JSON.stringify(prefix));
    } else if (isObject(child) && Object.keys(child).length > 0) {
      fromFieldsV1(child, [...prefix, key], out);
    } else {
      out.add(JSON.stringify([...prefix, key]));
    }
  }
  return out;
}
