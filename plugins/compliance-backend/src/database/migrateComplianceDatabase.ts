import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@carepath/plugin-compliance-backend',
  'migrations',
);

/**
 * Brings the compliance tables up to date.
 *
 * @public
 */
export async function migrateComplianceDatabase(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}
