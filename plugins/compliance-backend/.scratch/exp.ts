import knexFactory from 'knex';
import { migrateComplianceDatabase } from '../src/database/migrateComplianceDatabase';
const core = require('./benchcore');
async function main() {
  const knex = knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true, pool: { min: 1, max: 1 } });
  await migrateComplianceDatabase(knex);
  await core.run(knex);
  await knex.destroy();
}
main();
