import type { V1Secret } from '@kubernetes/client-node';
import { Client } from 'pg';
import type { PlatformTestEnvironment } from './PlatformTestEnvironment';

/** The credentials Secret as the service would read it, or undefined. */
export function readCredentials(
  env: PlatformTestEnvironment,
  options: { cluster: string; namespace: string; name: string },
): Record<string, string> | undefined {
  const secret = env.sim.cluster(options.cluster).get({
    apiVersion: 'v1',
    kind: 'Secret',
    namespace: options.namespace,
    name: options.name,
  }) as V1Secret | undefined;
  if (!secret?.data) return undefined;
  return Object.fromEntries(
    Object.entries(secret.data).map(([k, v]) => [
      k,
      Buffer.from(v, 'base64').toString('utf8'),
    ]),
  );
}

/** Runs `sql` as the service would, with its credentials. */
export async function queryAs<T extends Record<string, unknown>>(
  uri: string,
  sql: string,
): Promise<T[]> {
  const client = new Client({ connectionString: uri });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Runs `sql` as the server's admin in `database` (default: the admin database). */
export async function queryAsAdmin<T extends Record<string, unknown>>(
  env: PlatformTestEnvironment,
  sql: string,
  params: unknown[] = [],
  database?: string,
): Promise<T[]> {
  const url = new URL(env.postgres.adminUrl);
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
