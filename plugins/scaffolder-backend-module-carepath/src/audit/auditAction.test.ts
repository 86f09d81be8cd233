import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { TestAuditTrail } from '../__testUtils__/TestAuditTrail';
import { auditAction, auditRejections, trailActions } from './auditAction';
import { redactInput } from './redactInput';
import { scrubMessage } from './scrubMessage';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('redactInput', () => {
  it('removes secret values and summarises manifests, keeping names', () => {
    expect(
      redactInput({
        name: 'orders',
        secretName: 'orders-db-credentials',
        password: 'hunter2-hunter2',
        serviceAccountToken: 't0k3n',
        nested: {
          encryptionKey: 'k',
          connection: 'postgresql://a:b@c/d',
          confirm: 'orders',
        },
        manifests: [
          {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 's', namespace: 'ns' },
            data: { password: 'c2VjcmV0' },
          },
        ],
      }),
    ).toEqual({
      name: 'orders',
      secretName: 'orders-db-credentials',
      password: '[redacted]',
      serviceAccountToken: '[redacted]',
      nested: {
        encryptionKey: '[redacted]',
        connection: '[redacted]',
        confirm: 'orders',
      },
      manifests: ['Secret ns s'],
    });
  });
});

describe('scrubMessage', () => {
  it('removes input secret values, Secret manifest data, URL credentials and password= pairs', () => {
    const input = {
      adminPassword: 'correct-horse-battery',
      manifests: [
        {
          kind: 'Secret',
          metadata: { name: 's' },
          stringData: { api: 'plain-value-1234' },
          data: { other: Buffer.from('encoded-value-5678').toString('base64') },
        },
      ],
    };
    const message = scrubMessage(
      'failed: correct-horse-battery, plain-value-1234 and encoded-value-5678 via postgresql://admin:pw@db:5432/x with password=abc123; token: xyz',
      input,
    );
    expect(message).toBe(
      'failed: [redacted], [redacted] and [redacted] via postgresql://[redacted]@db:5432/x with password=[redacted]; token: [redacted]',
    );
  });
});

describe('auditAction', () => {
  let trail: TestAuditTrail;
  beforeEach(async () => {
    trail = await TestAuditTrail.create({ databases });
  });
  const base = {
    eventId: 'database-backup',
    actionId: 'carepath:database:backup',
    user: { ref: 'user:default/dana' },
    entityRef: 'component:default/a',
    taskId: 't1',
  };

  it('records started before the work and the outcome after it, linked by seq', async () => {
    const audit = trail.platformAudit(mockServices.auditor.mock());
    let startedBeforeWork = false;
    await auditAction(
      {
        ...base,
        audit,
        input: { name: 'a', password: 'p4ssw0rd!' },
        facts: () => [{ action: 'database.backed-up', details: { n: 1 } }],
      },
      async () => {
        startedBeforeWork = (await trail.list()).length === 1;
        return { backupId: 'b1' };
      },
    );
    expect(startedBeforeWork).toBe(true);
    const events = await trail.list();
    expect(events.map(e => e.action)).toEqual([
      trailActions.started,
      trailActions.succeeded,
      'database.backed-up',
    ]);
    expect(events[0]).toMatchObject({
      actor: 'user:default/dana',
      entityRef: 'component:default/a',
      details: { actionId: 'carepath:database:backup', taskId: 't1' },
    });
    expect(events[1].details).toMatchObject({
      startedSeq: events[0].seq,
      outcome: { backupId: 'b1' },
    });
    expect(JSON.stringify(events)).not.toContain('p4ssw0rd!');
  });

  it('refuses to start when the trail cannot record it, and the work never runs', async () => {
    const auditor = mockServices.auditor.mock();
    const fail = jest.fn();
    auditor.createEvent.mockResolvedValue({ success: jest.fn(), fail });
    trail.available = false;
    const work = jest.fn(async () => ({}));
    const refusal = auditRejections(
      { audit: trail.platformAudit(auditor), ...base },
      { input: {}, user: base.user, task: { id: 't1' } },
      async () => {
        await auditAction(
          { ...base, audit: trail.platformAudit(auditor), input: {} },
          work,
        );
      },
    );
    await expect(refusal).rejects.toThrow(
      /carepath:database:backup was not started: the compliance audit trail is unreachable .*nothing was changed/,
    );
    await expect(refusal).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
    expect(work).not.toHaveBeenCalled();
    // One auditor event for the refusal, not a second one as a rejection.
    expect(auditor.createEvent).toHaveBeenCalledTimes(1);
    expect(fail).toHaveBeenCalledTimes(1);
    trail.available = true;
    expect(await trail.list()).toEqual([]);
  });

  it('keeps a finished action when its outcome cannot be recorded, and logs it', async () => {
    const audit = trail.platformAudit(mockServices.auditor.mock());
    const result = await auditAction(
      { ...base, audit, input: {} },
      async () => {
        trail.available = false;
        return { done: true };
      },
    );
    expect(result).toEqual({ done: true });
    expect(audit.logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /scaffolder.action.succeeded of carepath:database:backup \(task t1\) was not recorded after 3 attempts/,
      ),
    );
    trail.available = true;
    expect((await trail.list()).map(e => e.action)).toEqual([
      trailActions.started,
    ]);
  });

  it('writes nothing to the trail for a dry run', async () => {
    const audit = trail.platformAudit(mockServices.auditor.mock());
    await auditAction(
      { ...base, audit, input: {}, isDryRun: true },
      async () => ({}),
    );
    await expect(
      auditRejections(
        { audit, ...base },
        { input: {}, isDryRun: true, task: { id: 't2' } },
        async () => {
          throw new Error('bad input');
        },
      ),
    ).rejects.toThrow('bad input');
    expect(await trail.list()).toEqual([]);
  });
});

describe('auditRejections', () => {
  const ctx = {
    input: { entityRef: 'component:default/a', token: 'tok-12345678' },
    user: { ref: 'user:default/dana' },
    task: { id: 't1' },
  };

  it('records a rejected attempt once, and a failed action only through its own event', async () => {
    const trail = await TestAuditTrail.create({ databases });
    const auditor = mockServices.auditor.mock();
    const fail = jest.fn();
    auditor.createEvent.mockResolvedValue({ success: jest.fn(), fail });
    const audit = trail.platformAudit(auditor);
    const context = { audit, eventId: 'x', actionId: 'carepath:x' };
    await expect(
      auditRejections(context, ctx, async () => {
        throw new Error('bad input near tok-12345678');
      }),
    ).rejects.toThrow('bad input');
    expect(auditor.createEvent).toHaveBeenCalledTimes(1);
    expect(auditor.createEvent.mock.calls[0][0].meta).toMatchObject({
      rejected: true,
      actor: 'user:default/dana',
      entityRef: 'component:default/a',
    });
    expect(fail.mock.calls[0][0].error.message).toBe(
      'bad input near [redacted]',
    );
    await expect(
      auditRejections(context, ctx, () =>
        auditAction({ ...context, input: {} }, async () => {
          throw new Error('cluster down');
        }),
      ),
    ).rejects.toThrow('cluster down');
    expect(auditor.createEvent).toHaveBeenCalledTimes(2);
    expect(fail).toHaveBeenCalledTimes(2);
    const events = await trail.list();
    expect(events.map(e => [e.action, e.details.error])).toEqual([
      [trailActions.rejected, 'bad input near [redacted]'],
      [trailActions.started, undefined],
      [trailActions.failed, 'cluster down'],
    ]);
    expect(JSON.stringify(events)).not.toContain('tok-12345678');
  });
});
