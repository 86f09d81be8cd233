import { randomBytes } from 'node:crypto';

/**
 * A new database password: 32 random bytes as base64url, 43 characters of
 * `[A-Za-z0-9_-]`, safe in connection URIs without escaping.
 */
export function generatePassword(): string {
  return randomBytes(32).toString('base64url');
}
