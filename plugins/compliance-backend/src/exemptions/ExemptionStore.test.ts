import type { Knex } from 'knex';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { ExemptionStore } from './ExemptionStore';

const now = new Date('2026-11-24T12:00:00.000Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('ExemptionStore', () => {
  let knex: Knex;
  let store: ExemptionStore;

  const request = (
    overrides: { justification?: string; expiresAt?: string } = {},
  ) =>
    store.request({
      entityRef: 'component:default/fhir-gateway',
      controlId: 'CP-TX-04',
      justification: 'Partner VPN requires a LoadBalancer until Q2 migration',
      expiresAt: days(90).toISOString(),
      requestedBy: 'user:default/alice',
      now,
      ...overrides,
    });

  beforeEach(async () => {
    knex = await createSqliteDatabase();
    store = new ExemptionStore({ knex });
  });

  afterEach(() => knex.destroy());

  it('refuses short justifications and out-of-range expiry', async () => {
    await expect(request({ justification: 'because' })).rejects.toThrow(
      /at least 20/,
    );
    await expect(
      request({ expiresAt: days(-1).toISOString() }),
    ).rejects.toThrow(/in the future/);
    await expect(
      request({ expiresAt: days(400).toISOString() }),
    ).rejects.toThrow(/at most one year/);
    await expect(request({ expiresAt: 'soon' })).rejects.toThrow(/ISO 8601/);
  });

  it('is approved by someone other than the requester', async () => {
    const { id } = await request();
    await expect(
      store.decide({
        id,
        decision: 'approved',
        decidedBy: 'user:default/alice',
        comment: 'ok',
        now,
      }),
    ).rejects.toThrow(/someone other than its requester/);
    const approved = await store.decide({
      id,
      decision: 'approved',
      decidedBy: 'user:default/olivia',
      comment: 'Accepted until migration',
      now,
    });
    expect(approved).toMatchObject({
      state: 'approved',
      decidedBy: 'user:default/olivia',
      decisionComment: 'Accepted until migration',
    });
    await expect(
      store.decide({
        id,
        decision: 'rejected',
        decidedBy: 'user:default/olivia',
        comment: 'no',
        now,
      }),
    ).rejects.toThrow(/is approved/);
  });

  it('rejects, and reads as expired once its time has passed', async () => {
    const rejected = await request();
    await store.decide({
      id: rejected.id,
      decision: 'rejected',
      decidedBy: 'user:default/olivia',
      comment: 'Fix it instead',
      now,
    });
    const approved = await request({ expiresAt: days(10).toISOString() });
    await store.decide({
      id: approved.id,
      decision: 'approved',
      decidedBy: 'user:default/olivia',
      comment: 'Short window',
      now,
    });
    await expect(store.list({ state: 'approved', now })).resolves.toHaveLength(
      1,
    );
    const later = days(11);
    await expect(
      store.get({ id: approved.id, now: later }),
    ).resolves.toMatchObject({
      state: 'expired',
    });
    await expect(
      store.list({ state: 'rejected', now: later }),
    ).resolves.toHaveLength(1);
    await expect(
      store.list({ state: 'approved', now: later }),
    ).resolves.toEqual([]);
  });
});
