import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startComplianceBackend } from './__testUtils__/startComplianceBackend';

const alice = mockCredentials.user.header('user:default/alice');
const olivia = mockCredentials.user.header('user:default/olivia');
const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toISOString();

describe('exemptions and the audit trail over HTTP', () => {
  let backend: Awaited<ReturnType<typeof startComplianceBackend>>;

  beforeEach(async () => {
    backend = await startComplianceBackend();
  });

  afterEach(() => backend.stop());

  const api = () => request(backend.server);
  const requestExemption = (expiresAt = inDays(30)) =>
    api().post('/api/compliance/exemptions').set('authorization', alice).send({
      entityRef: 'component:default/intake-api',
      controlId: 'CP-INT-01',
      justification: 'Legacy PDF renderer writes to /tmp until the Q2 rewrite',
      expiresAt,
    });
  /** Waits for the evaluation a decision starts in the background. */
  const evaluationAfterDecision = async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const res = await api().get(
        '/api/compliance/results/component/default/intake-api',
      );
      if (res.body.evaluation?.trigger === 'exemption') return;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error('no evaluation followed the exemption decision');
  };
  const statusOf = async (controlId: string) => {
    const res = await api().get(
      '/api/compliance/results/component/default/intake-api',
    );
    return res.body.results.find(
      (r: { controlId: string }) => r.controlId === controlId,
    );
  };

  it('turns an approved failure into "exempt until", audited at every step', async () => {
    const requested = await requestExemption();
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      state: 'requested',
      requestedBy: 'user:default/alice',
    });

    const self = await api()
      .post(`/api/compliance/exemptions/${requested.body.id}/approve`)
      .set('authorization', alice)
      .send({ comment: 'fine by me' });
    expect(self.status).toBe(403);

    const approved = await api()
      .post(`/api/compliance/exemptions/${requested.body.id}/approve`)
      .set('authorization', olivia)
      .send({ comment: 'Accepted until the rewrite ships' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      decidedBy: 'user:default/olivia',
    });

    // The decision re-evaluates by itself.
    await evaluationAfterDecision();
    expect(await statusOf('CP-INT-01')).toMatchObject({
      status: 'exempt',
      exemption: { id: requested.body.id, expiresAt: requested.body.expiresAt },
    });

    const csv = await api().get('/api/compliance/export?format=csv');
    expect(csv.text).toContain(`,exempt,${requested.body.expiresAt},`);

    const listed = await api().get('/api/compliance/exemptions?state=approved');
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([
      requested.body.id,
    ]);

    const audit = await api().get(
      '/api/compliance/audit-events?entityRef=component:default/intake-api',
    );
    expect(
      audit.body.items.map((e: { action: string; actor: string }) => [
        e.action,
        e.actor,
      ]),
    ).toEqual([
      ['exemption.requested', 'user:default/alice'],
      ['exemption.approved', 'user:default/olivia'],
    ]);
  });

  it('rejects a request, which then never counts', async () => {
    const requested = await requestExemption();
    const rejected = await api()
      .post(`/api/compliance/exemptions/${requested.body.id}/reject`)
      .set('authorization', olivia)
      .send({ comment: 'Mount an emptyDir for /tmp instead' });
    expect(rejected.body.state).toBe('rejected');
    await evaluationAfterDecision();
    expect((await statusOf('CP-INT-01')).status).toBe('fail');
    const again = await api()
      .post(`/api/compliance/exemptions/${requested.body.id}/approve`)
      .set('authorization', olivia)
      .send({ comment: 'changed my mind' });
    expect(again.status).toBe(409);
  });

  it('refuses bad requests with actionable messages', async () => {
    const tooLong = await requestExemption(inDays(400));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/at most one year/);
    const short = await api()
      .post('/api/compliance/exemptions')
      .set('authorization', alice)
      .send({
        entityRef: 'component:default/intake-api',
        controlId: 'CP-INT-01',
        justification: 'x',
        expiresAt: inDays(1),
      });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/at least 20 characters/);
    const noComment = await api()
      .post('/api/compliance/exemptions/nope/approve')
      .set('authorization', olivia)
      .send({});
    expect(noComment.status).toBe(400);
  });

  it('accepts audit events from services only, without secrets, and exports them as CSV', async () => {
    const event = {
      action: 'scaffolder.action',
      entityRef: 'component:default/intake-api',
      details: {
        action: 'carepath:database:rotate',
        password: 'hunter2',
        note: 'a, "quoted"\nvalue',
      },
    };
    const asUser = await api()
      .post('/api/compliance/audit-events')
      .set('authorization', alice)
      .send(event);
    expect(asUser.status).toBe(403);
    const asService = await api()
      .post('/api/compliance/audit-events')
      .set(
        'authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:scaffolder'),
          targetPluginId: 'compliance',
        }),
      )
      .send(event);
    expect(asService.status).toBe(201);
    expect(asService.body.actor).toBe('plugin:scaffolder');
    expect(asService.body.details).toEqual({
      action: 'carepath:database:rotate',
      note: 'a, "quoted"\nvalue',
    });

    const csv = await api().get(
      '/api/compliance/audit-events?format=csv&action=scaffolder.action',
    );
    expect(csv.headers['content-disposition']).toMatch(/^attachment/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'seq,at,actor,action,entityRef,details,prevHash,hash',
    );
    expect(csv.text).not.toContain('hunter2');
    const verify = await api().get('/api/compliance/evidence/verify');
    expect(verify.body.auditTrail).toEqual({ ok: true, checked: 1 });
  });
});
