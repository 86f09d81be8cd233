import { startTestPostgres } from '@carepath/test-postgres';
import knexFactory, { type Knex } from 'knex';
import { migrateComplianceDatabase } from '../database/migrateComplianceDatabase';

/** A migrated in-memory SQLite database. */
export async function createSqliteDatabase(): Promise<Knex> {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  await migrateComplianceDatabase(knex);
  return knex;
}

/** A migrated database on an embedded PostgreSQL server; `stop` tears both down. */
export async function createPostgresDatabase(): Promise<{
  knex: Knex;
  stop(): Promise<void>;
}> {
  const postgres = await startTestPostgres();
  const knex = knexFactory({ client: 'pg', connection: postgres.url });
  await migrateComplianceDatabase(knex);
  return {
    knex,
    stop: async () => {
      await knex.destroy();
      await postgres.stop();
    },
  };
}
