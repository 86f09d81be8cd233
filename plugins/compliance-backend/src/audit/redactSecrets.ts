const SECRET_KEY = /password|secret|token|key/i;

/**
 * Copies JSON-like details without any member whose key looks like a
 * secret, at every depth, so the durable audit trail never holds one.
 *
 * @public
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(redactSecrets);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, v]) => [key, redactSecrets(v)]),
    );
  }
  return value;
}
