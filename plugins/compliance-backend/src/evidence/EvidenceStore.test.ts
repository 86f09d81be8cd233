import type { Knex } from 'knex';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { EvidenceStore, type NewEvidenceRecord } from './EvidenceStore';

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
