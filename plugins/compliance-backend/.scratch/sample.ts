import knexFactory from 'knex';
import { migrateComplianceDatabase } from '../src/database/migrateComplianceDatabase';
const core = require('./benchcore');
async function main() {
  const knex = knexFactory({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
  await migrateComplianceDatabase(knex);
  await core.run(knex);
  const row = await knex('evaluation_services').where('entity_ref', 'component:default/service-3').first();
  console.log(row.results.length); console.log(JSON.stringify(JSON.parse(row.results).slice(0,4), null, 1));
  const ev = await knex('evidence').where('entity_ref', 'component:default/service-3').limit(25);
  console.log(ev.map((e: any) => e.observed.length + ' ' + e.observed).join('\n'));
  await knex.destroy();
}
main();
