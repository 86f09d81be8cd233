/**
 * An entity ref as people say it: `group:default/radiology` becomes
 * `radiology`; refs in other namespaces keep their namespace.
 */
export function shortRef(ref: string): string {
  const match = /^(?:[^:/]+:)?(?:([^/]+)\/)?(.+)$/.exec(ref);
  if (!match) return ref;
  const [, namespace, name] = match;
  return namespace && namespace !== 'default' ? `${namespace}/${name}` : name;
}
