import type { DatabaseService } from '@backstage/backend-plugin-api';

/** The knex client of the scaffolder plugin's database. */
export type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
}

/**
 * The module's schema, kept in code so it ships with the package. It lives in
 * the scaffolder plugin's database beside the scaffolder's own tables, so
 * every table is prefixed `carepath_` and the migrations have their own
 * bookkeeping table.
 */
const migrations: Migration[] = [
  {
    name: '20261124_01_platform_records',
    async up(knex) {
      await knex.schema.createTable('carepath_databases', table => {
        table.increments('id');
        table.string('entity_ref').notNullable().index();
        table.string('provider').notNullable();
        table.string('server').nullable();
        table.string('name').notNullable();
        table.string('classification').notNullable();
        table.integer('backup_max_age_hours').nullable();
        table.boolean('deletion_protection').notNullable();
        table.string('cluster').notNullable();
        table.string('namespace').notNullable();
        table.string('secret_name').nullable();
        table.string('created_at').notNullable();
        table.string('last_credential_rotation_at').nullable();
        table.string('last_backup_at').nullable();
        table.string('last_restore_test_at').nullable();
        table.string('decommissioned_at').nullable();
      });
      await knex.schema.createTable('carepath_backups', table => {
        table.string('id').primary();
        table
          .integer('database_id')
          .notNullable()
          .references('id')
          .inTable('carepath_databases');
        table.string('kind').notNullable();
        table.string('path').notNullable();
        table.bigInteger('size_bytes').nullable();
        table.string('sha256').nullable();
        table.string('created_at').notNullable();
        table.string('retention_until').notNullable();
        table.boolean('encrypted').notNullable();
        table.string('key_id').nullable();
      });
      await knex.schema.createTable('carepath_credential_rotations', table => {
        table.increments('id');
        table
          .integer('database_id')
          .notNullable()
          .references('id')
          .inTable('carepath_databases');
        table.string('rotated_at').notNullable();
        table.string('rotated_by').nullable();
      });
      await knex.schema.createTable('carepath_lifecycle_changes', table => {
        table.increments('id');
        table.string('entity_ref').notNullable().index();
        table.string('from_lifecycle').nullable();
        table.string('to_lifecycle').notNullable();
        table.string('changed_at').notNullable();
        table.string('changed_by').nullable();
      });
    },
  },
];

/** Brings the module's tables up to date. */
export async function migratePlatformRecords(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    tableName: 'carepath_knex_migrations',
    migrationSource: {
      getMigrations: async () => migrations,
      getMigrationName: (migration: Migration) => migration.name,
      getMigration: async (migration: Migration) => ({
        up: (k: Knex) => migration.up(k),
        down: async () => {
          throw new Error(`${migration.name} cannot be reverted`);
        },
      }),
    },
  });
}
