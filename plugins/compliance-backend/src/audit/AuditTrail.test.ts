import type { Knex } from 'knex';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { EvidenceStore } from '../evidence/EvidenceStore';
import { AuditTrail, evidencePurgedAction } from './AuditTrail';

describe('AuditTrail', () => {
  let knex: Knex;
  let trail: AuditTrail;

  beforeEach(async () => {
    knex = await createSqliteDatabase();
    trail = new AuditTrail({ knex });
  });

  afterEach(() => knex.destroy());

  it('removes secret-looking keys at every depth', async () => {
    const event = await trail.record({
      actor: 'plugin:scaffolder',
      action: 'scaffolder.action',
      entityRef: 'component:default/fhir-gateway',
      details: {
        action: 'carepath:database:rotate',
        password: 'hunter2',
        database: {
          name: 'fhir',
          apiKey: 'k',
          nested: [{ clientSecret: 's', ok: 1 }],
        },
        Token: 't',
      },
    });
    expect(event.details).toEqual({
      action: 'carepath:database:rotate',
      database: { name: 'fhir', nested: [{ ok: 1 }] },
    });
    expect(JSON.stringify(await trail.list())).not.toMatch(
      /hunter2|clientSecret/,
    );
  });

  it('filters by actor, action, entity and time', async () => {
    const at = (iso: string) => new Date(iso);
    await trail.record({
      actor: 'user:default/alice',
      action: 'exemption.requested',
      entityRef: 'component:default/a',
      at: at('2026-11-01T00:00:00Z'),
    });
    await trail.record({
      actor: 'user:default/olivia',
      action: 'exemption.approved',
      entityRef: 'component:default/a',
      at: at('2026-11-02T00:00:00Z'),
    });
    await trail.record({
      actor: 'user:default/olivia',
      action: 'compliance.exported',
      at: at('2026-11-03T00:00:00Z'),
    });
    expect(
      (await trail.list({ actor: 'user:default/olivia' })).map(e => e.seq),
    ).toEqual([2, 3]);
    expect(
      (await trail.list({ action: 'exemption.requested' })).map(e => e.seq),
    ).toEqual([1]);
    expect(
      (await trail.list({ entityRef: 'component:default/a' })).length,
    ).toBe(2);
    expect(
      (
        await trail.list({
          from: '2026-11-02T00:00:00.000Z',
          to: '2026-11-02T23:59:59.000Z',
        })
      ).map(e => e.seq),
    ).toEqual([2]);
  });

  it('detects a rewritten event', async () => {
    for (const action of ['a.one', 'a.two', 'a.three']) {
      await trail.record({ actor: 'plugin:scaffolder', action });
    }
    await expect(trail.verify()).resolves.toEqual({ ok: true, checked: 3 });
    await knex('audit_events')
      .where({ seq: 2 })
      .update({ actor: 'user:default/mallory' });
    await expect(trail.verify()).resolves.toMatchObject({
      ok: false,
      firstBadSeq: 2,
    });
  });

  it('attests an evidence purge recorded in the same transaction', async () => {
    const evidence = new EvidenceStore({ knex, retentionDays: 2190 });
    const record = (evaluatedAt: string) => ({
      evaluationId: evaluatedAt,
      entityRef: 'component:default/a',
      controlId: 'CP-INT-01',
      status: 'pass' as const,
      observed: {},
      controlsVersion: '2026.11.0',
      evaluatedAt,
    });
    await evidence.appendSnapshot({
      records: [record('2020-01-01T00:00:00.000Z')],
    });
    await evidence.appendSnapshot({
      records: [record('2026-01-01T00:00:00.000Z')],
    });
    await evidence.purgeExpired({
      now: new Date('2026-06-01T00:00:00.000Z'),
      write: async (trx, purge) => {
        await trail.record({
          trx,
          actor: 'plugin:compliance',
          action: evidencePurgedAction,
          details: {
            startSeq: purge.start.seq,
            startPrevHash: purge.start.prevHash,
          },
        });
      },
    });
    const attestedStart = await trail.attestedEvidenceStart();
    expect(attestedStart?.seq).toBe(2);
    await expect(evidence.verify({ attestedStart })).resolves.toEqual({
      ok: true,
      checked: 1,
    });
    await expect(trail.verify()).resolves.toEqual({ ok: true, checked: 1 });
  });
});
