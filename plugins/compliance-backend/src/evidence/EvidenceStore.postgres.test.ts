import { createPostgresDatabase } from '../__testUtils__/testDatabase';
import { AuditTrail } from '../audit/AuditTrail';
import { EvidenceStore } from './EvidenceStore';

describe('EvidenceStore on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;

  beforeAll(async () => {
    db = await createPostgresDatabase();
  }, 60_000);

  afterAll(() => db?.stop());

  it('never forks the chain under concurrent appends from several writers', async () => {
    // Separate store instances stand in for separate replicas.
    const writers = Array.from(
      { length: 6 },
      () => new EvidenceStore({ knex: db.knex }),
    );
    await Promise.all(
      writers.map((store, w) =>
        store.appendSnapshot({
          records: Array.from({ length: 50 }, (_, i) => ({
            evaluationId: `run-${w}`,
            entityRef: `component:default/service-${i}`,
            controlId: 'CP-INT-01',
            status: 'pass' as const,
            observed: { writer: w },
            controlsVersion: '2026.11.0',
            evaluatedAt: '2026-11-24T10:00:00.000Z',
          })),
        }),
      ),
    );
    await expect(writers[0].verify()).resolves.toEqual({
      ok: true,
      checked: 300,
    });
    for (let w = 0; w < 6; w++) {
      const seqs = (await writers[0].listByEvaluation(`run-${w}`)).map(
        r => r.seq,
      );
      // Each snapshot is contiguous: appends were serialised, not interleaved.
      expect(seqs[seqs.length - 1] - seqs[0]).toBe(49);
    }
  }, 60_000);

  it('purges and records the purge in the audit chain in one transaction', async () => {
    const store = new EvidenceStore({ knex: db.knex });
    const trail = new AuditTrail({ knex: db.knex });
    const purge = await store.purgeExpired({
      now: new Date('2040-01-01T00:00:00.000Z'),
      write: async (trx, done) => {
        await trail.record({
          trx,
          actor: 'plugin:compliance',
          action: 'evidence.purged',
          details: {
            startSeq: done.start.seq,
            startPrevHash: done.start.prevHash,
          },
        });
      },
    });
    expect(purge).toMatchObject({ deleted: 300, start: { seq: 301 } });
    const attestedStart = await trail.attestedEvidenceStart();
    await expect(store.verify({ attestedStart })).resolves.toEqual({
      ok: true,
      checked: 0,
    });
  }, 60_000);
});
