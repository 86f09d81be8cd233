import { TestDatabases } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import {
  CheckpointStore,
  PlatformTestEnvironment,
} from '../../__testUtils__/PlatformTestEnvironment';
import {
  queryAs,
  queryAsAdmin,
  readCredentials,
} from '../../__testUtils__/databaseAssertions';
import { leakedSecrets } from '../../__testUtils__/secretValues';
import { createDatabaseProvisionAction } from './createDatabaseProvisionAction';
import { databaseProvisionExamples } from './createDatabaseProvisionAction.examples';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces(
    'staging-eu',
    'patient-records',
    'rota-planner',
    'appointments',
    'billing',
    'triage',
    'lab-results',
  );
});
afterAll(async () => {
  await env.stop();
});

const action = () => createDatabaseProvisionAction(env.actionOptions());
const input = (name: string, extra: Record<string, unknown> = {}) => ({
  entityRef: `component:default/${name.replace(/_/g, '-')}`,
  name,
  dataClassification: 'internal',
  cluster: 'staging-eu',
  namespace: 'billing',
  ...extra,
});

describe('carepath:database:provision', () => {
  it.each(databaseProvisionExamples.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_description, example) => {
      const step = yaml.parse(example).steps[0];
      const run = await env.run(action(), step.input);
      expect(run.error).toBeUndefined();
      expect(run.outputs.secretName).toEqual(expect.any(String));
    },
  );

  it('creates a least-privilege role and database and delivers the credentials only as a Secret', async () => {
    const run = await env.run(
      action(),
      input('invoices', {
        dataClassification: 'pii',
        backupPolicy: { maxAgeHours: 24 },
      }),
    );
    expect(run.error).toBeUndefined();
    expect(run.outputs).toEqual({
      database: 'invoices',
      secretName: 'invoices-db-credentials',
      namespace: 'billing',
      cluster: 'staging-eu',
      provider: 'postgres',
    });
    const [role] = await queryAsAdmin(
      env,
      'SELECT * FROM pg_roles WHERE rolname = $1',
      ['invoices'],
    );
    expect(role).toMatchObject({
      rolcanlogin: true,
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolreplication: false,
      rolconnlimit: 10,
    });
    const [db] = await queryAsAdmin(
      env,
      `SELECT pg_get_userbyid(datdba) AS owner, datacl::text AS acl FROM pg_database WHERE datname = $1`,
      ['invoices'],
    );
    expect(db.owner).toBe('invoices');
    expect(db.acl).not.toMatch(/(^|[{,])=/); // no PUBLIC entry
    const [schema] = await queryAsAdmin(
      env,
      "SELECT nspacl::text AS acl FROM pg_namespace WHERE nspname = 'public'",
      [],
      'invoices',
    );
    expect(schema.acl).not.toMatch(/(^|[{,])=/);
    expect(schema.acl).toContain('invoices=UC/');
    const credentials = readCredentials(env, {
      cluster: 'staging-eu',
      namespace: 'billing',
      name: 'invoices-db-credentials',
    })!;
    expect(Object.keys(credentials).sort()).toEqual([
      'database',
      'host',
      'password',
      'port',
      'uri',
      'username',
    ]);
    expect(credentials.password.length).toBeGreaterThanOrEqual(32);
    await queryAs(credentials.uri, 'CREATE TABLE invoice (id int)');
    const record = await env.records.findDatabase({
      entityRef: 'component:default/invoices',
      name: 'invoices',
    });
    expect(record).toMatchObject({
      classification: 'pii',
      deletionProtection: true,
      backupPolicy: { maxAgeHours: 24 },
    });
    expect(record?.lastCredentialRotationAt).toEqual(expect.any(String));
    const event = env.auditEvents.at(-1)!;
    expect(event).toMatchObject({
      eventId: 'database-provision',
      outcome: 'succeeded',
      meta: {
        actor: 'user:default/dana.platform',
        entityRef: 'component:default/invoices',
      },
    });
  });

  it('changes nothing and keeps the password when run again with the same inputs', async () => {
    await env.run(action(), input('ledger'));
    const before = readCredentials(env, {
      cluster: 'staging-eu',
      namespace: 'billing',
      name: 'ledger-db-credentials',
    })!;
    const again = await env.run(action(), input('ledger'));
    expect(again.error).toBeUndefined();
    expect(again.logs.join('\n')).toContain('keeping them');
    expect(
      readCredentials(env, {
        cluster: 'staging-eu',
        namespace: 'billing',
        name: 'ledger-db-credentials',
      }),
    ).toEqual(before);
    expect(
      await env.records.databases('component:default/ledger'),
    ).toHaveLength(1);
    await queryAs(before.uri, 'SELECT 1');
    await expect(
      queryAs(before.uri.replace(/\/ledger$/, '/invoices'), 'SELECT 1'),
    ).rejects.toThrow(/permission denied for database "invoices"/);
  });

  it('resumes after the cluster fails between the database and the Secret, without redoing the database', async () => {
    const cluster = env.sim.cluster('staging-eu');
    // The cluster starts failing every request once the database step is done.
    const checkpoints = new CheckpointStore().beforeNext(/:credentials:/, () =>
      cluster.setErrorRate(1),
    );
    const failed = await env.run(action(), input('claims'), { checkpoints });
    cluster.setErrorRate(0);
    expect(failed.error?.message).toMatch(
      /Secret billing\/claims-db-credentials .*cluster staging-eu/,
    );
    expect(
      await queryAsAdmin(env, 'SELECT 1 FROM pg_database WHERE datname = $1', [
        'claims',
      ]),
    ).toHaveLength(1);
    expect(await env.records.databases('component:default/claims')).toEqual([]);

    const retried = await env.run(action(), input('claims'), { checkpoints });
    expect(retried.error).toBeUndefined();
    expect(retried.logs.join('\n')).not.toMatch(/Database claims on server/);
    const credentials = readCredentials(env, {
      cluster: 'staging-eu',
      namespace: 'billing',
      name: 'claims-db-credentials',
    })!;
    await queryAs(credentials.uri, 'SELECT 1');
    expect(
      await env.records.databases('component:default/claims'),
    ).toHaveLength(1);
  });

  it('changes nothing in the database server, the cluster or the records in a dry run', async () => {
    const run = await env.run(action(), input('drafts'), { isDryRun: true });
    expect(run.error).toBeUndefined();
    expect(run.logs.join('\n')).toMatch(
      /Dry run: database drafts .* would be created/,
    );
    expect(
      await queryAsAdmin(env, 'SELECT 1 FROM pg_roles WHERE rolname = $1', [
        'drafts',
      ]),
    ).toEqual([]);
    expect(
      await queryAsAdmin(env, 'SELECT 1 FROM pg_database WHERE datname = $1', [
        'drafts',
      ]),
    ).toEqual([]);
    expect(
      readCredentials(env, {
        cluster: 'staging-eu',
        namespace: 'billing',
        name: 'drafts-db-credentials',
      }),
    ).toBeUndefined();
    expect(await env.records.databases('component:default/drafts')).toEqual([]);
  });

  it('applies CloudNativePG Cluster and Database resources for the cloudnative-pg provider', async () => {
    const run = await env.run(
      action(),
      input('results', {
        provider: 'cloudnative-pg',
        createCluster: true,
        namespace: 'lab-results',
      }),
    );
    expect(run.error).toBeUndefined();
    const cluster = env.sim.cluster('staging-eu');
    const db = cluster.get({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Database',
      namespace: 'lab-results',
      name: 'results-db-results',
    });
    expect(db?.spec).toMatchObject({
      name: 'results',
      owner: 'results',
      cluster: { name: 'results-db' },
    });
    const pgCluster = cluster.get({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      namespace: 'lab-results',
      name: 'results-db',
    });
    expect(pgCluster?.spec).toMatchObject({
      managed: {
        roles: [
          {
            name: 'results',
            passwordSecret: { name: 'results-db-credentials' },
          },
        ],
      },
    });
    expect(
      readCredentials(env, {
        cluster: 'staging-eu',
        namespace: 'lab-results',
        name: 'results-db-credentials',
      })?.host,
    ).toBe('results-db-rw.lab-results.svc');
  });

  it('never reveals a password, URI or key in a log line, output, error or audit event', () => {
    expect(env.transcript.length).toBeGreaterThan(20);
    expect(leakedSecrets(env)).toEqual([]);
  });
});
