import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'yaml';
import {
  CheckpointStore,
  PlatformTestEnvironment,
} from '../../__testUtils__/PlatformTestEnvironment';
import {
  queryAsAdmin,
  readCredentials,
} from '../../__testUtils__/databaseAssertions';
import { leakedSecrets } from '../../__testUtils__/secretValues';
import { createDatabaseDecommissionAction } from './createDatabaseDecommissionAction';
import { databaseDecommissionExamples } from './createDatabaseDecommissionAction.examples';
import { createDatabaseProvisionAction } from './createDatabaseProvisionAction';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces('staging-eu', 'patient-records', 'rota-planner', 'wards');
});
afterAll(async () => {
  await env.stop();
});

const decommission = () =>
  createDatabaseDecommissionAction(env.actionOptions());
const exists = async (name: string) =>
  (
    await queryAsAdmin(
      env,
      'SELECT 1 FROM pg_database WHERE datname = $1 UNION ALL SELECT 1 FROM pg_roles WHERE rolname = $1',
      [name],
    )
  ).length;

async function provision(
  name: string,
  namespace: string,
  dataClassification = 'internal',
) {
  const target = {
    entityRef: `component:default/${name.replace(/_/g, '-')}`,
    name,
  };
  const run = await env.run(
    createDatabaseProvisionAction(env.actionOptions()),
    {
      ...target,
      dataClassification,
      ...(dataClassification === 'internal'
        ? {}
        : { backupPolicy: { maxAgeHours: 24 } }),
      cluster: 'staging-eu',
      namespace,
    },
  );
  expect(run.error).toBeUndefined();
  return target;
}

describe('carepath:database:decommission', () => {
  it('runs every example', async () => {
    await provision('rota_planner', 'rota-planner');
    await provision('patient_records', 'patient-records', 'phi');
    for (const example of databaseDecommissionExamples) {
      const run = await env.run(
        decommission(),
        yaml.parse(example.example).steps[0].input,
      );
      expect(run.error).toBeUndefined();
    }
  });

  it('takes a final backup, drops the database, role and Secret, and keeps the backup', async () => {
    const target = await provision('beds', 'wards');
    const run = await env.run(decommission(), target);
    expect(run.error).toBeUndefined();
    expect(await exists('beds')).toBe(0);
    expect(
      readCredentials(env, {
        cluster: 'staging-eu',
        namespace: 'wards',
        name: 'beds-db-credentials',
      }),
    ).toBeUndefined();
    const backup = await env.records.findBackup(
      String(run.outputs.finalBackupId),
    );
    expect(backup).toMatchObject({ kind: 'logical', encrypted: true });
    expect(await readdir(join(env.backupDirectory, 'beds'))).toEqual([
      `${backup!.id}.dump.enc`,
    ]);
    expect(await env.records.platformRecords(target.entityRef)).toEqual({
      databases: [],
    });
    expect(env.auditEvents.at(-1)).toMatchObject({
      eventId: 'database-decommission',
      outcome: 'succeeded',
    });

    const again = await env.run(decommission(), target);
    expect(again.error).toBeUndefined();
    expect(again.outputs.finalBackupId).toBe(backup!.id);
    expect(await readdir(join(env.backupDirectory, 'beds'))).toHaveLength(1);
  });

  it('refuses a phi database without confirmation, and with the wrong one', async () => {
    const target = await provision('admissions', 'wards', 'phi');
    for (const confirm of [undefined, 'admission']) {
      const run = await env.run(decommission(), {
        ...target,
        ...(confirm ? { confirm } : {}),
      });
      expect(run.error).toBeInstanceOf(InputError);
      expect(run.error?.message).toMatch(
        /confirm: admissions holds phi data; set confirm to "admissions"/,
      );
    }
    expect(await exists('admissions')).toBe(2);
  });

  it('resumes after a crash following the final backup without taking another', async () => {
    const target = await provision('discharges', 'wards', 'pii');
    const checkpoints = new CheckpointStore().crashBeforeNext(/:drop$/);
    const crashed = await env.run(
      decommission(),
      { ...target, confirm: 'discharges' },
      { checkpoints },
    );
    expect(crashed.error?.message).toMatch(/simulated crash/);
    expect(await exists('discharges')).toBe(2);
    const retried = await env.run(
      decommission(),
      { ...target, confirm: 'discharges' },
      { checkpoints },
    );
    expect(retried.error).toBeUndefined();
    expect(await exists('discharges')).toBe(0);
    expect(await readdir(join(env.backupDirectory, 'discharges'))).toHaveLength(
      1,
    );
  });

  it('changes nothing in a dry run', async () => {
    const target = await provision('transfers', 'wards');
    const run = await env.run(decommission(), target, { isDryRun: true });
    expect(run.error).toBeUndefined();
    expect(await exists('transfers')).toBe(2);
    expect(
      readCredentials(env, {
        cluster: 'staging-eu',
        namespace: 'wards',
        name: 'transfers-db-credentials',
      }),
    ).toBeDefined();
    expect(await env.records.findDatabase(target)).toBeDefined();
  });

  it('needs the backup key before anything happens', async () => {
    const target = await provision('theatres', 'wards');
    const run = await env.run(
      createDatabaseDecommissionAction(
        env.actionOptions({ backups: { directory: env.backupDirectory } }),
      ),
      target,
    );
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error?.message).toMatch(
      /carepath.backups.encryptionKey is not configured/,
    );
    expect(await exists('theatres')).toBe(2);
  });

  it('never reveals a password or key in a log line, output, error or audit event', () => {
    expect(leakedSecrets(env)).toEqual([]);
  });
});
