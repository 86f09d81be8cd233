import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import yaml from 'yaml';
import {
  CheckpointStore,
  PlatformTestEnvironment,
} from '../../__testUtils__/PlatformTestEnvironment';
import {
  queryAs,
  readCredentials,
} from '../../__testUtils__/databaseAssertions';
import { leakedSecrets } from '../../__testUtils__/secretValues';
import { deployment, templateAnnotations } from '../../__testUtils__/workloads';
import { createDatabaseProvisionAction } from './createDatabaseProvisionAction';
import { createRotateCredentialsAction } from './createRotateCredentialsAction';
import { rotateCredentialsExamples } from './createRotateCredentialsAction.examples';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;
const oldPasswords: string[] = [];

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces('staging-eu', 'patient-records', 'orders');
});
afterAll(async () => {
  await env.stop();
});

const rotate = () => createRotateCredentialsAction(env.actionOptions());
const secretOf = (namespace: string, name: string) =>
  readCredentials(env, {
    cluster: 'staging-eu',
    namespace,
    name: `${name.replace(/_/g, '-')}-db-credentials`,
  })!;

async function provision(name: string, namespace: string) {
  const entityRef = `component:default/${name.replace(/_/g, '-')}`;
  const run = await env.run(
    createDatabaseProvisionAction(env.actionOptions()),
    {
      entityRef,
      name,
      dataClassification: 'internal',
      cluster: 'staging-eu',
      namespace,
    },
  );
  expect(run.error).toBeUndefined();
  env.sim.cluster('staging-eu').apply(
    deployment({
      name: `${name.replace(/_/g, '-')}-api`,
      namespace,
      kubernetesId: name.replace(/_/g, '-'),
    }),
  );
  return { entityRef, name };
}

describe('carepath:database:rotate-credentials', () => {
  it.each(rotateCredentialsExamples.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_d, example) => {
      if (
        !(await env.records.findDatabase({
          entityRef: 'component:default/patient-records',
          name: 'patient_records',
        }))
      ) {
        await provision('patient_records', 'patient-records');
      }
      const run = await env.run(rotate(), yaml.parse(example).steps[0].input);
      expect(run.error).toBeUndefined();
    },
  );

  it('sets a new password that works, the old one stops working, and the workloads restart', async () => {
    const target = await provision('orders', 'orders');
    const before = secretOf('orders', 'orders');
    oldPasswords.push(before.password);
    const run = await env.run(rotate(), target);
    expect(run.error).toBeUndefined();
    expect(run.outputs).toEqual({
      secretName: 'orders-db-credentials',
      rotatedAt: expect.any(String),
      restarted: ['Deployment/orders-api'],
    });
    const after = secretOf('orders', 'orders');
    expect(after.password).not.toBe(before.password);
    await expect(queryAs(before.uri, 'SELECT 1')).rejects.toThrow(
      /password authentication failed/,
    );
    await expect(queryAs(after.uri, 'SELECT 1 AS ok')).resolves.toEqual([
      { ok: 1 },
    ]);
    expect(
      templateAnnotations(env, {
        cluster: 'staging-eu',
        namespace: 'orders',
        name: 'orders-api',
      })['carepath.io/restartedAt'],
    ).toBe(run.outputs.rotatedAt);
    const record = await env.records.findDatabase(target);
    expect(record?.lastCredentialRotationAt).toBe(run.outputs.rotatedAt);
    expect(await env.records.credentialRotations(record!.id)).toHaveLength(1);
    expect(env.auditEvents.at(-1)).toMatchObject({
      eventId: 'database-rotate-credentials',
      outcome: 'succeeded',
      meta: { actor: 'user:default/dana.platform' },
    });
  });

  it('resumes after the cluster fails mid-rotation without rotating twice', async () => {
    const target = await provision('refunds', 'orders');
    const before = secretOf('orders', 'refunds');
    oldPasswords.push(before.password);
    const checkpoints = new CheckpointStore();
    const cluster = env.sim.cluster('staging-eu');
    cluster.setErrorRate(1);
    const failed = await env.run(rotate(), target, { checkpoints });
    cluster.setErrorRate(0);
    expect(failed.error?.message).toMatch(/cluster staging-eu failed/);
    const retried = await env.run(rotate(), target, { checkpoints });
    expect(retried.error).toBeUndefined();
    const after = secretOf('orders', 'refunds');
    await expect(queryAs(after.uri, 'SELECT 1')).resolves.toHaveLength(1);
    await expect(queryAs(before.uri, 'SELECT 1')).rejects.toThrow(
      /password authentication failed/,
    );
    const again = await env.run(rotate(), target, { checkpoints });
    expect(again.error).toBeUndefined();
    expect(secretOf('orders', 'refunds').password).toBe(after.password);
    const record = await env.records.findDatabase(target);
    expect(await env.records.credentialRotations(record!.id)).toHaveLength(1);
  });

  it('changes nothing in a dry run', async () => {
    const target = await provision('returns', 'orders');
    const before = secretOf('orders', 'returns');
    const run = await env.run(rotate(), target, { isDryRun: true });
    expect(run.error).toBeUndefined();
    expect(run.logs.join('\n')).toMatch(
      /Dry run: would set a new password .* restart Deployment\/returns-api/,
    );
    expect(secretOf('orders', 'returns')).toEqual(before);
    await expect(queryAs(before.uri, 'SELECT 1')).resolves.toHaveLength(1);
    expect(
      templateAnnotations(env, {
        cluster: 'staging-eu',
        namespace: 'orders',
        name: 'returns-api',
      }),
    ).toEqual({});
    const record = await env.records.findDatabase(target);
    expect(await env.records.credentialRotations(record!.id)).toEqual([]);
  });

  it.each([
    [
      'an unknown database',
      { entityRef: 'component:default/orders', name: 'nope' },
      /no provisioned database "nope" for component:default\/orders/,
    ],
    [
      'an injected name',
      {
        entityRef: 'component:default/orders',
        name: "x'; ALTER ROLE postgres",
      },
      /name: must start with a lowercase letter/,
    ],
  ])('rejects %s before anything happens', async (_case, input, message) => {
    const run = await env.run(rotate(), input);
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error?.message).toMatch(message);
  });

  it('never reveals a password in a log line, output, error or audit event', () => {
    expect(leakedSecrets(env, oldPasswords)).toEqual([]);
  });
});
