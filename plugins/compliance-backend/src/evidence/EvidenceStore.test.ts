import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  canonicalEvidencePayload,
  evidenceGenesisHash,
} from '@carepath/plugin-compliance-common';
import knexFactory, { type Knex } from 'knex';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { migrateComplianceDatabase } from '../database/migrateComplianceDatabase';
import { EvidenceStore, type NewEvidenceRecord } from './EvidenceStore';
import { sha256Hex } from './HashChain';

function records(
  count: number,
  overrides: Partial<NewEvidenceRecord> = {},
): NewEvidenceRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    evaluationId: 'run-1',
    entityRef: `component:default/service-${i}`,
    controlId: 'CP-INT-01',
    status: i % 3 === 0 ? 'fail' : 'pass',
    observed: { workloads: [`Deployment/service-${i}`] },
    controlsVersion: '2026.11.0',
    evaluatedAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  }));
}

describe('EvidenceStore', () => {
  let knex: Knex;
  let store: EvidenceStore;

  beforeEach(async () => {
    knex = await createSqliteDatabase();
    store = new EvidenceStore({ knex });
  });

  afterEach(async () => {
    await knex.destroy();
  });

  /** Records 1-2 from run-1, then records 3-5 from run-2. */
  async function appendTwoRuns() {
    await store.appendSnapshot({ records: records(2) });
    await store.appendSnapshot({
      records: records(3, { evaluationId: 'run-2' }),
    });
  }

  it('chains snapshots and verifies them', async () => {
    const first = await store.appendSnapshot({ records: records(3) });
    const second = await store.appendSnapshot({
      records: records(2, { evaluationId: 'run-2' }),
    });
    expect(first.map(r => r.seq)).toEqual([1, 2, 3]);
    expect(second[0].prevHash).toBe(first[2].hash);
    expect(second[0].hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(store.verify()).resolves.toEqual({ ok: true, checked: 5 });
  });

  it('detects a row whose status was changed', async () => {
    await store.appendSnapshot({ records: records(5) });
    await knex('evidence').where({ seq: 3 }).update({ status: 'exempt' });
    const result = await store.verify();
    expect(result).toMatchObject({ ok: false, firstBadSeq: 3, checked: 2 });
    expect(result.problem).toContain('record 3 was altered');
  });

  it('detects a snapshot whose shared fields were changed', async () => {
    await appendTwoRuns();
    await knex('evidence_snapshots')
      .where({ evaluation_id: 'run-2' })
      .update({ evaluated_at: '2026-11-25T10:00:00.000Z' });
    const result = await store.verify();
    expect(result).toMatchObject({ ok: false, firstBadSeq: 3, checked: 2 });
    expect(result.problem).toContain('record 3 was altered');
  });

  it('detects records moved to another snapshot', async () => {
    await appendTwoRuns();
    // Record 3 claimed by the first run, as if evaluated with it.
    await knex('evidence_snapshots')
      .where({ evaluation_id: 'run-1' })
      .update({ last_seq: 3 });
    await knex('evidence_snapshots')
      .where({ evaluation_id: 'run-2' })
      .update({ first_seq: 4 });
    await expect(store.verify()).resolves.toMatchObject({
      ok: false,
      firstBadSeq: 3,
    });
  });

  it('detects a deleted snapshot row', async () => {
    await appendTwoRuns();
    await knex('evidence_snapshots').where({ evaluation_id: 'run-1' }).delete();
    await expect(store.verify()).resolves.toMatchObject({
      ok: false,
      firstBadSeq: 1,
    });
  });

  it('detects a deleted row', async () => {
    await store.appendSnapshot({ records: records(5) });
    await knex('evidence').where({ seq: 4 }).delete();
    const result = await store.verify();
    expect(result).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(result.problem).toContain('record 4 is missing');
  });

  it('detects a deleted last row', async () => {
    await store.appendSnapshot({ records: records(5) });
    await knex('evidence').where({ seq: 5 }).delete();
    await expect(store.verify()).resolves.toMatchObject({
      ok: false,
      firstBadSeq: 5,
    });
  });

  it('detects two rows swapped in order', async () => {
    await store.appendSnapshot({ records: records(5) });
    const [two, three] = await knex('evidence')
      .whereIn('seq', [2, 3])
      .orderBy('seq');
    await knex('evidence')
      .where({ seq: 2 })
      .update({ ...three, seq: 2 });
    await knex('evidence')
      .where({ seq: 3 })
      .update({ ...two, seq: 3 });
    await expect(store.verify()).resolves.toMatchObject({
      ok: false,
      firstBadSeq: 2,
    });
  });

  it('leaves no partial snapshot when the write fails midway', async () => {
    await store.appendSnapshot({ records: records(2) });
    const batch = records(12_000, { evaluationId: 'run-2' });
    // A value that cannot be serialised fails hashing at row 7000, after
    // the first chunk of 5000 rows was already inserted in the transaction.
    batch[7000] = { ...batch[7000], observed: { ratio: Number.NaN } };
    await expect(store.appendSnapshot({ records: batch })).rejects.toThrow(
      /non-finite/,
    );
    await expect(store.listByEvaluation('run-2')).resolves.toEqual([]);
    await expect(store.verify()).resolves.toEqual({ ok: true, checked: 2 });
    const next = await store.appendSnapshot({ records: records(1) });
    expect(next[0].seq).toBe(3);
  });

  it('rolls the snapshot back when the write beside it fails', async () => {
    await expect(
      store.appendSnapshot({
        records: records(3),
        write: async () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    await expect(knex('evidence').count({ n: '*' })).resolves.toEqual([
      { n: 0 },
    ]);
  });

  it('purges only outside retention, and the retained chain still verifies', async () => {
    const now = new Date('2033-01-01T00:00:00.000Z');
    store = new EvidenceStore({ knex, retentionDays: 2190 });
    await store.appendSnapshot({
      records: records(3, { evaluatedAt: '2026-01-01T00:00:00.000Z' }),
    });
    await store.appendSnapshot({
      records: records(2, {
        evaluationId: 'run-2',
        evaluatedAt: '2027-06-01T00:00:00.000Z',
      }),
    });
    const purge = await store.purgeExpired({ now });
    expect(purge).toMatchObject({ deleted: 3, start: { seq: 4 } });
    const attestedStart = purge.start;
    await expect(store.listByEvaluation('run-2')).resolves.toHaveLength(2);
    await expect(store.verify({ attestedStart })).resolves.toEqual({
      ok: true,
      checked: 2,
    });
    // Without a recorded purge, a chain that starts late is tampering.
    await expect(store.verify()).resolves.toMatchObject({
      ok: false,
      firstBadSeq: 3,
    });
    await expect(store.purgeExpired({ now })).resolves.toMatchObject({
      deleted: 0,
    });
    await store.appendSnapshot({
      records: records(1, { evaluationId: 'run-3' }),
    });
    await expect(store.verify({ attestedStart })).resolves.toEqual({
      ok: true,
      checked: 3,
    });
  });

  it('detects deleted early records whose removal the head was moved to hide', async () => {
    await store.appendSnapshot({ records: records(5) });
    const third = await knex('evidence').where({ seq: 3 }).first();
    await knex('evidence').where('seq', '<', 3).delete();
    await knex('chain_heads')
      .where({ chain: 'evidence' })
      .update({ start_seq: 3, start_prev_hash: third.prev_hash });
    await expect(store.verify()).resolves.toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: expect.stringContaining('no recorded purge'),
    });
  });
});

describe('EvidenceStore over a chain written before snapshots were stored', () => {
  let knex: Knex;

  beforeEach(async () => {
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
      pool: { min: 1, max: 1 },
    });
    const directory = resolvePackagePath(
      '@carepath/plugin-compliance-backend',
      'migrations',
    );
    for (const name of [
      '20261124000000_init.js',
      '20261125000000_partial_sources_and_templates.js',
    ]) {
      await knex.migrate.up({ directory, name });
    }
  });

  afterEach(async () => {
    await knex.destroy();
  });

  it('keeps every record and its hash, and the chain still verifies', async () => {
    // Records stored with their snapshot fields, as before: two runs, the
    // second interrupted by a record of a third.
    const runs = ['run-1', 'run-1', 'run-2', 'run-3', 'run-2'];
    let prevHash = evidenceGenesisHash;
    const written = runs.map((evaluationId, i) => {
      const record = {
        seq: i + 1,
        evaluationId,
        entityRef: `component:default/service-${i}`,
        controlId: 'CP-INT-01',
        status: 'pass' as const,
        observed: { workloads: [`Deployment/service-${i}`] },
        controlsVersion: '2026.11.0',
        evaluatedAt: `2026-11-2${i < 2 ? 0 : 1}T10:00:00.000Z`,
        prevHash,
      };
      prevHash = sha256Hex(canonicalEvidencePayload(record));
      return { ...record, hash: prevHash };
    });
    await knex('evidence').insert(
      written.map(r => ({
        seq: r.seq,
        evaluation_id: r.evaluationId,
        entity_ref: r.entityRef,
        control_id: r.controlId,
        status: r.status,
        observed: JSON.stringify(r.observed),
        controls_version: r.controlsVersion,
        evaluated_at: r.evaluatedAt,
        prev_hash: r.prevHash,
        hash: r.hash,
      })),
    );
    await knex('chain_heads').insert({
      chain: 'evidence',
      head_seq: 5,
      head_hash: prevHash,
      start_seq: 1,
      start_prev_hash: evidenceGenesisHash,
    });

    await migrateComplianceDatabase(knex);

    const store = new EvidenceStore({ knex });
    await expect(store.verify()).resolves.toEqual({ ok: true, checked: 5 });
    await expect(store.listByEvaluation('run-2')).resolves.toEqual([
      written[2],
      written[4],
    ]);
    await expect(store.countByEvaluation('run-1')).resolves.toBe(2);
    await expect(knex('evidence_snapshots').count({ n: '*' })).resolves.toEqual(
      [{ n: 4 }],
    );
  });
});
