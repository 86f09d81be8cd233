/**
 * An entity ref as people say it: `group:default/laboratory` → `laboratory`,
 * `system:clinical/orders` → `clinical/orders`. Anything else is kept as is.
 */
export function shortRef(ref: string): string {
  const match = /^[a-z][\w-]*:(?:default\/)?(.+)$/i.exec(ref);
  return match ? match[1] : ref;
}
