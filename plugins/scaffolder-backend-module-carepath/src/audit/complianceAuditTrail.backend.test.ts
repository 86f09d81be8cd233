import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
// The trail's owner runs beside the module, as in the portal's backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import compliancePlugin from '@carepath/plugin-compliance-backend';
import type { AuditEvent } from '@carepath/plugin-compliance-common';
import { PlatformTestEnvironment } from '../__testUtils__/PlatformTestEnvironment';
import { queryAsAdmin } from '../__testUtils__/databaseAssertions';
import { secretValues } from '../__testUtils__/secretValues';
import { scaffolderModuleCarepath } from '../module';
import { trailActions } from './auditAction';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces('staging-eu', 'clinic', 'refused');
});
afterAll(async () => {
  await env?.stop();
});

/**
 * The module and, unless left out, the compliance plugin on one test
 * backend whose plugin databases are on the real PostgreSQL server.
 */
async function startBackend(options: { withCompliance: boolean }) {
  const actions = new Map<string, TemplateAction>();
  const backend = await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        {
          addActions: (...added: TemplateAction[]) =>
            added.forEach(a => actions.set(a.id, a)),
        },
      ],
    ],
    features: [
      scaffolderModuleCarepath,
      ...(options.withCompliance
        ? [
            compliancePlugin,
            catalogServiceMock.factory({ entities: [] }),
            mockServices.scheduler.mock().factory,
          ]
        : []),
      mockServices.rootConfig.factory({
        data: {
          ...(env.config().get() as JsonObject),
          backend: {
            database: {
              client: 'pg',
              connection: env.postgres.adminUrl,
              prefix: `carepath_audit_${options.withCompliance ? 'a' : 'b'}_${
                process.pid
              }_`,
            },
          },
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}/api`;
  return {
    backend,
    baseUrl,
    run: (id: string, input: JsonObject, opts?: { isDryRun?: boolean }) =>
      env.run(
        actions.get(id) as unknown as TemplateAction<
          JsonObject,
          JsonObject,
          'v2'
        >,
        input,
        opts,
      ),
  };
}

describe('platform actions in the compliance audit trail', () => {
  let started: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    started = await startBackend({ withCompliance: true });
  });
  afterAll(async () => {
    await started.backend.stop();
  });

  const trail = async (): Promise<AuditEvent[]> => {
    const response = await fetch(`${started.baseUrl}/compliance/audit-events`, {
      headers: { authorization: mockCredentials.user.header() },
    });
    expect(response.status).toBe(200);
    return (await response.json()).items;
  };
  const provision = {
    entityRef: 'component:default/clinic-notes',
    name: 'clinic_notes',
    dataClassification: 'phi',
    backupPolicy: { maxAgeHours: 24 },
    cluster: 'staging-eu',
    namespace: 'clinic',
  };

  it('records who ran an action, on which entity, with which inputs, before it starts and with its outcome', async () => {
    const run = await started.run('carepath:database:provision', provision);
    expect(run.error).toBeUndefined();
    const events = await trail();
    expect(events.map(e => e.action)).toEqual([
      trailActions.started,
      trailActions.succeeded,
    ]);
    const [start, success] = events;
    expect(start).toMatchObject({
      actor: 'user:default/dana.platform',
      entityRef: 'component:default/clinic-notes',
      details: {
        actionId: 'carepath:database:provision',
        taskId: 'mock-task-id',
        input: { name: 'clinic_notes', dataClassification: 'phi' },
      },
    });
    expect(success).toMatchObject({
      actor: 'user:default/dana.platform',
      entityRef: 'component:default/clinic-notes',
      details: {
        startedSeq: start.seq,
        outcome: { database: 'clinic_notes', provider: 'postgres' },
      },
    });
    const verify = await fetch(
      `${started.baseUrl}/compliance/evidence/verify`,
      {
        headers: { authorization: mockCredentials.user.header() },
      },
    );
    expect((await verify.json()).auditTrail).toMatchObject({
      ok: true,
      checked: 2,
    });
  });

  it('records a failed run with its error, and the facts the controls read', async () => {
    const before = (await trail()).length;
    const failed = await started.run('carepath:kubernetes:scale', {
      cluster: 'staging-eu',
      namespace: 'clinic',
      kind: 'Deployment',
      name: 'no-such-deployment',
      replicas: 0,
      entityRef: 'component:default/clinic-notes',
    });
    expect(failed.error?.message).toMatch(/no-such-deployment/);
    const rotated = await started.run('carepath:database:rotate-credentials', {
      entityRef: provision.entityRef,
      name: provision.name,
    });
    expect(rotated.error).toBeUndefined();
    const events = (await trail()).slice(before);
    expect(events.map(e => e.action)).toEqual([
      trailActions.started,
      trailActions.failed,
      trailActions.started,
      trailActions.succeeded,
      'database.credentials-rotated',
    ]);
    expect(events[1].details).toMatchObject({
      actionId: 'carepath:kubernetes:scale',
      startedSeq: events[0].seq,
      error: expect.stringMatching(
        /Deployment clinic\/no-such-deployment in cluster staging-eu failed: HTTP 404/,
      ),
    });
    expect(events[4]).toMatchObject({
      entityRef: provision.entityRef,
      details: { database: 'clinic_notes' },
    });
  });

  it('writes nothing for a dry run', async () => {
    const before = (await trail()).length;
    const run = await started.run(
      'carepath:database:backup',
      { entityRef: provision.entityRef, name: provision.name },
      { isDryRun: true },
    );
    expect(run.error).toBeUndefined();
    expect(await trail()).toHaveLength(before);
  });

  it('never holds a secret value from inputs, Secrets, config or errors', async () => {
    const inlineSecret = 'inline-secret-value-7f3a9c';
    const applied = await started.run('carepath:kubernetes:apply', {
      cluster: 'staging-eu',
      manifests: [
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'lab-api', namespace: 'clinic' },
          stringData: { apiToken: inlineSecret },
        },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'broken', namespace: 'no-such-namespace' },
          data: { password: inlineSecret },
        },
      ],
    });
    expect(applied.error).toBeDefined();
    const text = JSON.stringify(await trail());
    expect(text).toContain('Secret clinic/lab-api');
    const secrets = [...secretValues(env), inlineSecret];
    expect(secrets.length).toBeGreaterThan(3);
    expect(secrets.filter(secret => text.includes(secret))).toEqual([]);
  });
});

describe('when the audit trail cannot record an action', () => {
  it('refuses it before any side effect, with a clear error', async () => {
    const { backend, baseUrl, run } = await startBackend({
      withCompliance: false,
    });
    try {
      const refused = await run('carepath:database:provision', {
        entityRef: 'component:default/unaudited',
        name: 'unaudited',
        dataClassification: 'internal',
        cluster: 'staging-eu',
        namespace: 'refused',
      });
      expect(refused.error?.name).toBe('ServiceUnavailableError');
      expect(refused.error?.message).toMatch(
        /^carepath:database:provision was not started: the compliance audit trail answered HTTP 404.*nothing was changed/,
      );
      expect(
        await queryAsAdmin(
          env,
          "SELECT 1 FROM pg_roles WHERE rolname = 'unaudited' UNION ALL SELECT 1 FROM pg_database WHERE datname = 'unaudited'",
        ),
      ).toEqual([]);
      expect(
        env.sim
          .cluster('staging-eu')
          .list({ apiVersion: 'v1', kind: 'Secret', namespace: 'refused' }),
      ).toEqual([]);
      const records = await fetch(
        `${baseUrl}/scaffolder/carepath/platform-records?entityRef=component:default/unaudited`,
        { headers: { authorization: mockCredentials.user.header() } },
      );
      expect(await records.json()).toEqual({ databases: [] });
    } finally {
      await backend.stop();
    }
  });
});
