import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { PlatformTestEnvironment } from '../../__testUtils__/PlatformTestEnvironment';
import {
  queryAs,
  queryAsAdmin,
  readCredentials,
} from '../../__testUtils__/databaseAssertions';
import { leakedSecrets } from '../../__testUtils__/secretValues';
import { createDatabaseProvisionAction } from './createDatabaseProvisionAction';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces(
    'staging-eu',
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

describe('carepath:database:provision input and ownership', () => {
  it.each([
    [
      'an SQL injection',
      { name: 'svc"; DROP DATABASE x; --' },
      /name: must start with a lowercase letter/,
    ],
    [
      'a name over 63 characters',
      { name: `a${'b'.repeat(63)}` },
      /name: .*at most 63 characters/,
    ],
    [
      'upper case',
      { name: 'Patients' },
      /name: must start with a lowercase letter/,
    ],
    [
      'an unknown cluster',
      { cluster: 'moon-1' },
      /cluster: unknown cluster "moon-1"; known clusters: staging-eu, production-eu/,
    ],
    [
      'an unknown server',
      { server: 'other' },
      /server: unknown database server "other"; known servers: main/,
    ],
    [
      'phi without a backup policy',
      { dataClassification: 'phi' },
      /backupPolicy: required for phi/,
    ],
    [
      'a bad namespace',
      { namespace: 'Billing_NS' },
      /namespace: must be a Kubernetes namespace name/,
    ],
  ])('rejects %s before anything happens', async (_case, override, message) => {
    const events = env.auditEvents.length;
    const run = await env.run(action(), input('rejected', override));
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error?.message).toMatch(message);
    // The attempt is audited as rejected; nothing else happened.
    expect(env.auditEvents.slice(events)).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        error: run.error?.message,
        meta: expect.objectContaining({
          rejected: true,
          actor: 'user:default/dana.platform',
        }),
      }),
    ]);
    expect(
      await queryAsAdmin(env, 'SELECT 1 FROM pg_roles WHERE rolname = $1', [
        'rejected',
      ]),
    ).toEqual([]);
  });

  it("never adopts another service's database or Secret, or one CarePath did not create", async () => {
    await env.run(action(), input('wards'));
    const before = readCredentials(env, {
      cluster: 'staging-eu',
      namespace: 'billing',
      name: 'wards-db-credentials',
    })!;
    const other = await env.run(action(), {
      ...input('wards'),
      entityRef: 'component:default/intruder',
      namespace: 'triage',
    });
    expect(other.error).toBeInstanceOf(InputError);
    expect(other.error?.message).toMatch(
      /name: database or role "wards" already exists on server main and belongs to component:default\/wards; choose another name/,
    );
    await queryAs(before.uri, 'SELECT 1');
    expect(
      readCredentials(env, {
        cluster: 'staging-eu',
        namespace: 'triage',
        name: 'wards-db-credentials',
      }),
    ).toBeUndefined();

    await queryAsAdmin(env, 'CREATE DATABASE legacy_app');
    const legacy = await env.run(action(), input('legacy_app'));
    expect(legacy.error?.message).toMatch(
      /name: database or role "legacy_app" already exists on server main and was not created by CarePath/,
    );

    const sameSecret = await env.run(action(), {
      ...input('beds'),
      secretName: 'wards-db-credentials',
    });
    expect(sameSecret.error?.message).toMatch(
      /secretName: Secret billing\/wards-db-credentials already exists in cluster staging-eu and belongs to component:default\/wards/,
    );
    expect(
      await queryAsAdmin(env, 'SELECT 1 FROM pg_database WHERE datname = $1', [
        'beds',
      ]),
    ).toEqual([]);
  });

  it("refuses to lower a protected database's classification or drop its backup policy", async () => {
    const phi = {
      dataClassification: 'phi',
      backupPolicy: { maxAgeHours: 24 },
    };
    expect(
      (await env.run(action(), input('notes', phi))).error,
    ).toBeUndefined();
    const lowered = await env.run(action(), input('notes'));
    expect(lowered.error?.message).toMatch(
      /dataClassification: notes is recorded as phi; provisioning cannot lower it to internal/,
    );
    const unprotected = await env.run(
      action(),
      input('notes', { dataClassification: 'pii' }),
    );
    expect(unprotected.error?.message).toMatch(
      /backupPolicy: notes has a recorded backup policy \(maxAgeHours 24\); provisioning cannot remove it/,
    );
    expect(
      await env.records.findDatabase({
        entityRef: 'component:default/notes',
        name: 'notes',
      }),
    ).toMatchObject({ classification: 'phi', deletionProtection: true });
  });

  it('refuses an owner that is not the catalog owner of an existing service, before anything happens, and accepts the real owner or a new service', async () => {
    env.entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'claims-ledger', namespace: 'default' },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'revenue-cycle',
      },
    });
    const claims = input('claims_ledger', {
      entityRef: 'component:default/claims-ledger',
      owner: 'group:default/clinical-data',
    });
    const refused = await env.run(action(), claims);
    expect(refused.error?.name).toBe('NotAllowedError');
    expect(refused.error?.message).toBe(
      'owner: component:default/claims-ledger is owned by group:default/revenue-cycle in the catalog, not group:default/clinical-data; a database is provisioned only for its owner',
    );
    expect(
      await queryAsAdmin(
        env,
        "SELECT 1 FROM pg_roles WHERE rolname = 'claims_ledger'",
      ),
    ).toEqual([]);
    expect(await env.trail.list()).toContainEqual(
      expect.objectContaining({
        action: 'scaffolder.action.rejected',
        entityRef: 'component:default/claims-ledger',
      }),
    );
    const owner = await env.run(action(), {
      ...claims,
      owner: 'group:default/revenue-cycle',
    });
    expect(owner.error).toBeUndefined();
    const golden = await env.run(
      action(),
      input('intake_forms', { owner: 'group:default/clinical-data' }),
    );
    expect(golden.error).toBeUndefined();
  });

  it('never reveals a password, URI or key in a log line, output, error or audit event', () => {
    expect(leakedSecrets(env)).toEqual([]);
  });
});
