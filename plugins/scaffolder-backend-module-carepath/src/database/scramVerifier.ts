import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

const iterations = 4096;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a password, computed here
 * so that the plaintext never reaches the server, its statement log or
 * `pg_stat_activity` (as psql's `\password` does).
 *
 * The password must be ASCII (generated passwords are), so SASLprep leaves
 * it unchanged.
 */
export function scramVerifier(password: string): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString(
    'base64',
  )}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
