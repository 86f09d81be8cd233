import { startTestPostgres } from '@carepath/test-postgres';
import knexFactory from 'knex';
import { performance } from 'node:perf_hooks';
import { migrateComplianceDatabase } from '../src/database/migrateComplianceDatabase';

async function main() {
  const postgres = await startTestPostgres({ timeoutMs: 60_000 });
  const knex = knexFactory({ client: 'pg', connection: postgres.url });
  await migrateComplianceDatabase(knex);
  const starts = new Map<string, number>();
  const sums = new Map<string, number>(); (global as any).__sums = sums;
  if (process.env.EXT) { await knex.raw('alter table evaluation_services alter column results set storage external'); await knex.raw('alter table evidence alter column observed set storage external'); }
  knex.on('query', q => starts.set(q.__knexQueryUid, performance.now()));
  knex.on('query-response', (_r, q) => {
    const ms = performance.now() - (starts.get(q.__knexQueryUid) ?? 0);
    const key = q.sql.slice(0, 30); sums.set(key, (sums.get(key) ?? 0) + ms);
  });
  (global as any).__knex = knex;
  const bench = require('./benchcore');
  await bench.run(knex);
  await knex.destroy();
  await postgres.stop();
}
main();
