import type { JsonObject, JsonValue } from '@backstage/config';

/** Input keys whose values are never recorded. */
export const secretInputKey =
  /(password|passphrase|token|secret(?!Name)|key|credential|uri|connection)$/i;

/** Manifests are recorded by kind and name only: they may carry Secret data. */
function summariseManifests(value: JsonValue): JsonValue {
  if (!Array.isArray(value)) return '[redacted]';
  return value.map(doc => {
    const object = (doc ?? {}) as {
      kind?: unknown;
      metadata?: { namespace?: unknown; name?: unknown };
    };
    return [object.kind, object.metadata?.namespace, object.metadata?.name]
      .filter(part => typeof part === 'string')
      .join(' ');
  });
}

/**
 * Strips secret values from action input (or output) before it is recorded,
 * in the auditor service and in the durable audit trail alike.
 */
export function redactInput(input: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === 'manifests') {
      result[key] = summariseManifests(value as JsonValue);
    } else if (secretInputKey.test(key)) {
      result[key] = '[redacted]';
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      result[key] = redactInput(value as JsonObject);
    } else {
      result[key] = value as JsonValue;
    }
  }
  return result;
}
