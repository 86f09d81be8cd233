import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { Knex } from 'knex';
import request from 'supertest';
import { parseCsv } from './__testUtils__/parseCsv';
import {
  defaultEntities,
  startComplianceBackend,
} from './__testUtils__/startComplianceBackend';
import {
  createPostgresDatabase,
  createSqliteDatabase,
} from './__testUtils__/testDatabase';

type ScheduledTask = SchedulerServiceTaskScheduleDefinition & {
  id: string;
  fn: () => Promise<void>;
};

const alice = mockCredentials.user.header('user:default/alice');
const olivia = mockCredentials.user.header('user:default/olivia');
const scaffolder = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:scaffolder'),
  targetPluginId: 'compliance',
});
const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toISOString();

// Secrets a platform action's input might carry; none may reach the trail.
const SECRETS = [
  'hunter2-Pa55word',
  's3cr3t-in-url',
  'Sup3rSecretPwd',
  'AKIAABCDEFGHIJKLMNOP',
  `ghp_${'x'.repeat(36)}`,
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
  'tok-1234567890abcdef',
];

function goldenPath(steps: string[]): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'node-service',
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location':
          'file:/repo/templates/node-service/template.yaml',
      },
    },
    spec: { type: 'service', owner: 'group:default/platform-team', steps },
  };
}

describe.each([
  ['SQLite', createSqliteDatabase],
  [
    'PostgreSQL',
    async () => {
      const db = await createPostgresDatabase();
      return Object.assign(db.knex, { stopServer: db.stop });
    },
  ],
] as const)('the audit trail on %s', (_name, createDatabase) => {
  let knex: Knex & { stopServer?: () => Promise<void> };
  let backend: Awaited<ReturnType<typeof startComplianceBackend>>;
  let template: Entity;
  const tasks: ScheduledTask[] = [];
  const reported: string[] = [];
  const reportedMeta: string[] = [];

  beforeAll(async () => {
    knex = await createDatabase();
    template = goldenPath(['fetch']);
    backend = await startComplianceBackend({
      database: knex,
      entities: () => [...defaultEntities, template],
      scheduler: {
        scheduleTask: async task => {
          tasks.push(task as ScheduledTask);
        },
      },
      auditor: {
        createEvent: async options => {
          reported.push(options.eventId);
          reportedMeta.push(JSON.stringify(options.meta));
          return { success: async () => {}, fail: async () => {} };
        },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    if (knex?.stopServer) {
      await knex.stopServer();
    } else {
      await knex?.destroy();
    }
  });

  const api = () => request(backend.server);
  const exemption = (controlId: string) =>
    api()
      .post('/api/compliance/exemptions')
      .set('authorization', alice)
      .send({
        entityRef: 'component:default/intake-api',
        controlId,
        justification: 'Legacy renderer writes to /tmp until the Q2 rewrite',
        expiresAt: inDays(30),
      })
      .expect(201);
  const runTask = (id: string) => tasks.find(t => t.id === id)!.fn();

  it('holds a row for each kind of event, without a secret from action inputs', async () => {
    await runTask('compliance-template-audit');
    template = goldenPath(['fetch', 'publish']);
    await runTask('compliance-template-audit');

    const approved = await exemption('CP-INT-01');
    await api()
      .post(`/api/compliance/exemptions/${approved.body.id}/approve`)
      .set('authorization', olivia)
      .send({ comment: 'Accepted until the rewrite ships' })
      .expect(200);
    const rejected = await exemption('CP-INT-04');
    await api()
      .post(`/api/compliance/exemptions/${rejected.body.id}/reject`)
      .set('authorization', olivia)
      .send({ comment: 'Run as a non-root user' })
      .expect(200);

    await api().post('/api/compliance/evaluate').expect(201);
    await api().get('/api/compliance/export?format=csv').expect(200);

    await api()
      .post('/api/compliance/audit-events')
      .set('authorization', scaffolder)
      .send({
        action: 'scaffolder.action',
        actor: 'user:default/dana.developer',
        entityRef: 'component:default/intake-api',
        details: {
          actionId: 'carepath:database:rotate',
          outcome: 'succeeded',
          input: {
            database: 'intake',
            password: SECRETS[0],
            adminUrl: `postgres://admin:${SECRETS[1]}@db.internal:5432/intake`,
            options: `Host=db;Password=${SECRETS[2]};Database=intake`,
            iamUser: SECRETS[3],
            note: SECRETS[4],
            privateKey: `-----BEGIN PRIVATE KEY-----\n${SECRETS[5]}\n-----END PRIVATE KEY-----`,
            connectionString: 'postgres://app@db/intake',
            apiToken: SECRETS[6],
          },
        },
      })
      .expect(201);

    const trail = await api()
      .get('/api/compliance/audit-events')
      .set('authorization', olivia)
      .expect(200);
    const actions = trail.body.items.map((e: { action: string }) => e.action);
    for (const action of [
      'template.registered',
      'template.changed',
      'exemption.requested',
      'exemption.approved',
      'exemption.rejected',
      'compliance.exported',
      'scaffolder.action',
    ]) {
      expect(actions).toContain(action);
    }
    const actionRun = trail.body.items.find(
      (e: { action: string }) => e.action === 'scaffolder.action',
    );
    expect(actionRun).toMatchObject({
      actor: 'user:default/dana.developer',
      entityRef: 'component:default/intake-api',
      details: {
        input: {
          database: 'intake',
          adminUrl: 'postgres://admin:[redacted]@db.internal:5432/intake',
          options: 'Host=db;Password=[redacted];Database=intake',
          iamUser: '[redacted]',
          note: '[redacted]',
        },
      },
    });

    const stored = JSON.stringify(await knex('audit_events').select());
    for (const secret of SECRETS) {
      expect(stored).not.toContain(secret);
      expect(reportedMeta.join('\n')).not.toContain(secret);
    }
    // Backstage's auditor service received every event the trail holds.
    expect(reported).toEqual(
      expect.arrayContaining([
        'template-registered',
        'template-changed',
        'exemption-requested',
        'exemption-approved',
        'exemption-rejected',
        'compliance-exported',
        'scaffolder-action',
      ]),
    );
    expect(reported).toHaveLength(trail.body.items.length);
  });

  it('exports the trail as CSV no spreadsheet runs as a formula', async () => {
    await api()
      .post('/api/compliance/audit-events')
      .set('authorization', scaffolder)
      .send({ action: '=HYPERLINK("http://x.example","open")' })
      .expect(201);
    const csv = await api()
      .get('/api/compliance/audit-events?format=csv')
      .set('authorization', olivia)
      .expect(200);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-events-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = parseCsv(csv.text);
    expect(header).toEqual([
      'seq',
      'at',
      'actor',
      'action',
      'entityRef',
      'details',
      'prevHash',
      'hash',
    ]);
    expect(rows.at(-1)?.[3]).toBe(`'=HYPERLINK("http://x.example","open")`);
  });

  it('reports the first tampered row when verified', async () => {
    const verify = () =>
      api()
        .get('/api/compliance/evidence/verify')
        .set('authorization', olivia)
        .expect(200);
    expect((await verify()).body.ok).toBe(true);
    const { seq } = await knex('audit_events')
      .where({ action: 'exemption.approved' })
      .first('seq');
    await knex('audit_events')
      .where({ seq })
      .update({ details: JSON.stringify({ comment: 'never approved' }) });
    const after = await verify();
    expect(after.body).toMatchObject({
      ok: false,
      evidence: { ok: true },
      auditTrail: { ok: false, firstBadSeq: Number(seq) },
    });
  });
});
