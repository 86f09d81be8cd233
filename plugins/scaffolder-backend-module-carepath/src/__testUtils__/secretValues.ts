import type { V1Secret } from '@kubernetes/client-node';
import type { PlatformTestEnvironment } from './PlatformTestEnvironment';

/** Every secret value the environment knows: Secret passwords and URIs, the admin password, the backup key. */
export function secretValues(env: PlatformTestEnvironment): string[] {
  const values = [env.encryptionKey];
  const adminPassword = new URL(env.postgres.adminUrl).password;
  if (adminPassword) values.push(decodeURIComponent(adminPassword));
  for (const name of env.sim.clusters.map(c => c.name)) {
    const secrets = env.sim
      .cluster(name)
      .list({ apiVersion: 'v1', kind: 'Secret' }) as V1Secret[];
    for (const secret of secrets) {
      for (const key of ['password', 'uri']) {
        const data = secret.data?.[key];
        if (data) values.push(Buffer.from(data, 'base64').toString('utf8'));
      }
    }
  }
  return values.filter(v => v.length >= 8);
}

/** The transcript lines that contain any secret value. */
export function leakedSecrets(
  env: PlatformTestEnvironment,
  extra: string[] = [],
): string[] {
  const values = [...secretValues(env), ...extra];
  return env.transcript.filter(line => values.some(v => line.includes(v)));
}
