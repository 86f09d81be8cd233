import { startTestPostgres } from '@carepath/test-postgres';
import knexFactory from 'knex';
import { performance } from 'node:perf_hooks';
import { migrateComplianceDatabase } from '../src/database/migrateComplianceDatabase';

const N = 200_000;
const rows = Array.from({ length: N }, (_, i) => ({
  seq: i + 1, evaluation_id: 'c0ffee00-1111-2222-3333-444455556666', entity_ref: `component:default/service-${i % 10000}`,
  control_id: `CP-INT-0${i % 5}`, status: i % 3 ? 'pass' : 'fail',
  observed: i % 3 ? '{"workloads":["Deployment/service-3"]}' : '{"workloads":["Deployment/service-3"],"offending":[{"workload":"Deployment/service-3","cluster":"prod-east","namespace":"service-3","container":"api","readOnlyRootFilesystem":false}]}',
  controls_version: '2026.11.0', evaluated_at: '2026-11-24T10:00:00.000Z', prev_hash: 'a'.repeat(64), hash: 'b'.repeat(64),
}));
const cols = Object.keys(rows[0]);
async function main() {
  const pg = await startTestPostgres({ timeoutMs: 60_000 });
  const knex = knexFactory({ client: 'pg', connection: pg.url });
  await migrateComplianceDatabase(knex);
  const t = async (name: string, fn: (trx: any, chunk: any[]) => Promise<void>, size: number) => {
    await knex('evidence').delete();
    const s = performance.now(); const c = process.cpuUsage();
    await knex.transaction(async trx => { for (let i = 0; i < N; i += size) await fn(trx, rows.slice(i, i + size)); });
    const u = process.cpuUsage(c);
    console.log(name, (performance.now() - s).toFixed(0), ((u.user + u.system) / 1000).toFixed(0));
  };
  await t('json', (trx, chunk) => trx.raw(`insert into evidence (${cols.join(',')}) select ${cols.join(',')} from json_populate_recordset(null::evidence, ?::json)`, [JSON.stringify(chunk)]), 5000);
  await knex.raw('drop index evidence_evaluated_at_idx');
  await t('json-noEvAt', (trx, chunk) => trx.raw(`insert into evidence (${cols.join(',')}) select ${cols.join(',')} from json_populate_recordset(null::evidence, ?::json)`, [JSON.stringify(chunk)]), 5000);
  await knex.raw('drop index evidence_evaluation_idx');
  await t('json-noIdx', (trx, chunk) => trx.raw(`insert into evidence (${cols.join(',')}) select ${cols.join(',')} from json_populate_recordset(null::evidence, ?::json)`, [JSON.stringify(chunk)]), 5000);
  await t('json-noIdx-20k', (trx, chunk) => trx.raw(`insert into evidence (${cols.join(',')}) select ${cols.join(',')} from json_populate_recordset(null::evidence, ?::json)`, [JSON.stringify(chunk)]), 20000);
  for (let rep = 0; rep < 0; rep++) {
  await t('json', (trx, chunk) => trx.raw(`insert into evidence (${cols.join(',')}) select ${cols.join(',')} from json_populate_recordset(null::evidence, ?::json)`, [JSON.stringify(chunk)]), 5000);
  await t('unnest', (trx, chunk) => trx.raw(`insert into evidence (${cols.join(',')}) select * from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])`, cols.map(c => chunk.map((r: any) => r[c]))), 5000);
  await t('values1000', (trx, chunk) => trx('evidence').insert(chunk), 1000);
  }
  await knex.destroy(); await pg.stop();
}
main();
