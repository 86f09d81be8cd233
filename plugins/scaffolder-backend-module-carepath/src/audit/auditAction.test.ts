import { mockServices } from '@backstage/backend-test-utils';
import { auditAction, auditRejections, redactInput } from './auditAction';

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

describe('auditRejections', () => {
  const ctx = {
    input: { entityRef: 'component:default/a' },
    user: { ref: 'user:default/dana' },
    task: { id: 't1' },
  };

  it('records a rejected attempt once, and a failed action only through its own event', async () => {
    const auditor = mockServices.auditor.mock();
    const fail = jest.fn();
    auditor.createEvent.mockResolvedValue({ success: jest.fn(), fail });
    const context = { auditor, eventId: 'x', actionId: 'carepath:x' };
    await expect(
      auditRejections(context, ctx, async () => {
        throw new Error('bad input');
      }),
    ).rejects.toThrow('bad input');
    expect(auditor.createEvent).toHaveBeenCalledTimes(1);
    expect(auditor.createEvent.mock.calls[0][0].meta).toMatchObject({
      rejected: true,
      actor: 'user:default/dana',
      entityRef: 'component:default/a',
    });
    await expect(
      auditRejections(context, ctx, () =>
        auditAction({ ...context, input: {} }, async () => {
          throw new Error('cluster down');
        }),
      ),
    ).rejects.toThrow('cluster down');
    expect(auditor.createEvent).toHaveBeenCalledTimes(2);
    expect(fail).toHaveBeenCalledTimes(2);
  });
});
