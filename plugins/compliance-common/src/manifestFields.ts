/*
 * Lenient readers for untyped Kubernetes objects. A field of the wrong type
 * reads as absent, which evaluators judge as "not set" (the safe direction:
 * a malformed securityContext never passes).
 */

export type Fields = Record<string, unknown>;

export function fields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

export function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function texts(value: unknown): string[] {
  return items(value).filter((v): v is string => typeof v === 'string');
}

export function textMap(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields(value)).flatMap(([k, v]) =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
        ? [[k, String(v)]]
        : [],
    ),
  );
}

export function intOrString(value: unknown): number | string | undefined {
  return typeof value === 'number' || typeof value === 'string'
    ? value
    : undefined;
}
