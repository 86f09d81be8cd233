import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
import { createDatabaseBackupAction } from './createDatabaseBackupAction';
import { databaseBackupExamples } from './createDatabaseBackupAction.examples';
import { createDatabaseProvisionAction } from './createDatabaseProvisionAction';
import { createDatabaseRestoreAction } from './createDatabaseRestoreAction';
import { databaseRestoreExamples } from './createDatabaseRestoreAction.examples';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces('staging-eu', 'patient-records', 'charts');
});
afterAll(async () => {
  await env.stop();
});

const backup = () => createDatabaseBackupAction(env.actionOptions());
const restore = () => createDatabaseRestoreAction(env.actionOptions());
const patients = 'SELECT id, name FROM patient ORDER BY id';

async function provisionWithRows(name: string, namespace: string) {
  const target = {
    entityRef: `component:default/${name.replace(/_/g, '-')}`,
    name,
  };
  const run = await env.run(
    createDatabaseProvisionAction(env.actionOptions()),
    {
      ...target,
      dataClassification: 'phi',
      backupPolicy: { maxAgeHours: 24 },
      cluster: 'staging-eu',
      namespace,
    },
  );
  expect(run.error).toBeUndefined();
  const { uri } = readCredentials(env, {
    cluster: 'staging-eu',
    namespace,
    name: `${name.replace(/_/g, '-')}-db-credentials`,
  })!;
  await queryAs(
    uri,
    "CREATE TABLE patient (id int PRIMARY KEY, name text); INSERT INTO patient VALUES (1, 'Ada Lovelace'), (2, 'Mary Seacole')",
  );
  return { ...target, uri };
}

describe('carepath:database:backup and carepath:database:restore', () => {
  it('runs every example', async () => {
    const { uri, ...target } = await provisionWithRows(
      'patient_records',
      'patient-records',
    );
    const backedUp = await env.run(
      backup(),
      yaml.parse(databaseBackupExamples[0].example).steps[0].input,
    );
    expect(backedUp.error).toBeUndefined();
    for (const example of databaseRestoreExamples) {
      const step = yaml.parse(
        example.example.replace(
          '${{ steps.backup.output.backupId }}',
          String(backedUp.outputs.backupId),
        ),
      ).steps[0];
      const run = await env.run(restore(), step.input);
      expect(run.error).toBeUndefined();
    }
    expect(await queryAs(uri, patients)).toHaveLength(2);
    expect(target.name).toBe('patient_records');
  });

  it('stores an encrypted, checksummed backup and restores the same rows after a drop', async () => {
    const { uri, ...target } = await provisionWithRows('charts', 'charts');
    const rows = await queryAs(uri, patients);
    const run = await env.run(backup(), target);
    expect(run.error).toBeUndefined();
    const record = await env.records.findBackup(String(run.outputs.backupId));
    expect(record).toMatchObject({
      kind: 'logical',
      encrypted: true,
      sha256: run.outputs.sha256,
      sizeBytes: run.outputs.sizeBytes,
    });
    const file = await readFile(join(env.backupDirectory, record!.path));
    expect(file.length).toBe(record!.sizeBytes);
    expect(file.includes(Buffer.from('Ada Lovelace'))).toBe(false);
    expect(file.includes(Buffer.from('PGDMP'))).toBe(false);
    const days =
      (Date.parse(record!.retentionUntil) - Date.parse(record!.createdAt)) /
      86_400_000;
    expect(days).toBe(2190);
    expect((await env.records.findDatabase(target))?.lastBackupAt).toBe(
      record!.createdAt,
    );

    await queryAs(uri, 'DROP TABLE patient');
    const restored = await env.run(restore(), {
      ...target,
      backupId: record!.id,
    });
    expect(restored.error).toBeUndefined();
    expect(await queryAs(uri, patients)).toEqual(rows);
    expect(
      (await env.records.findDatabase(target))?.lastRestoreTestAt,
    ).toBeUndefined();

    const tested = await env.run(restore(), {
      ...target,
      backupId: record!.id,
      targetDatabase: 'charts_restore_test',
      keepRestoredDatabase: true,
    });
    expect(tested.error).toBeUndefined();
    expect(tested.outputs).toEqual({
      database: 'charts_restore_test',
      backupId: record!.id,
      restoreTest: true,
      restoredTables: 1,
    });
    expect(
      await queryAs(uri.replace(/\/charts$/, '/charts_restore_test'), patients),
    ).toEqual(rows);
    const [owner] = await queryAsAdmin(
      env,
      "SELECT tableowner FROM pg_tables WHERE tablename = 'patient'",
      [],
      'charts_restore_test',
    );
    expect(owner.tableowner).toBe('charts');
    expect((await env.records.findDatabase(target))?.lastRestoreTestAt).toEqual(
      expect.any(String),
    );
  });

  it('resumes a backup interrupted before it was recorded without taking another', async () => {
    const { uri: _uri, ...target } = await provisionWithRows(
      'vitals',
      'charts',
    );
    const checkpoints = new CheckpointStore().crashBeforeNext(/:record$/);
    const crashed = await env.run(backup(), target, { checkpoints });
    expect(crashed.error?.message).toMatch(/simulated crash/);
    const files = await readdir(join(env.backupDirectory, 'vitals'));
    const retried = await env.run(backup(), target, { checkpoints });
    expect(retried.error).toBeUndefined();
    expect(await readdir(join(env.backupDirectory, 'vitals'))).toEqual(files);
    const again = await env.run(backup(), target, { checkpoints });
    expect(again.outputs.backupId).toBe(retried.outputs.backupId);
    const database = await env.records.findDatabase(target);
    expect(await env.records.backups(database!.id)).toHaveLength(1);
  });

  it('refuses to restore a backup whose file no longer matches its checksum, naming the backup', async () => {
    const { uri, ...target } = await provisionWithRows('allergies', 'charts');
    const run = await env.run(backup(), target);
    const record = (await env.records.findBackup(
      String(run.outputs.backupId),
    ))!;
    const path = join(env.backupDirectory, record.path);
    const bytes = await readFile(path);
    bytes[bytes.length - 20] ^= 0xff;
    await writeFile(path, bytes);
    await queryAs(
      uri,
      "INSERT INTO patient VALUES (3, 'Florence Nightingale')",
    );
    const refused = await env.run(restore(), {
      ...target,
      backupId: record.id,
    });
    expect(refused.error?.message).toContain(
      `backup ${record.id} failed its checksum`,
    );
    expect(await queryAs(uri, patients)).toHaveLength(3);
  });

  it('changes nothing in a dry run', async () => {
    const { uri: _uri, ...target } = await provisionWithRows(
      'imaging',
      'charts',
    );
    const run = await env.run(backup(), target, { isDryRun: true });
    expect(run.error).toBeUndefined();
    await expect(readdir(join(env.backupDirectory, 'imaging'))).rejects.toThrow(
      /ENOENT/,
    );
    const database = await env.records.findDatabase(target);
    expect(await env.records.backups(database!.id)).toEqual([]);
  });

  it.each([
    [
      'a missing backup key',
      { backups: { directory: '/tmp/unused' } },
      { entityRef: 'component:default/charts', name: 'charts' },
      /carepath.backups.encryptionKey is not configured/,
    ],
    [
      'an unknown database',
      {},
      { entityRef: 'component:default/charts', name: 'nope' },
      /no provisioned database "nope"/,
    ],
    [
      'an injected name',
      {},
      { entityRef: 'component:default/charts', name: 'charts; DROP TABLE x' },
      /name: must start with a lowercase letter/,
    ],
  ])(
    'rejects %s before anything happens',
    async (_case, config, input, message) => {
      const run = await env.run(
        createDatabaseBackupAction(env.actionOptions(config)),
        input,
      );
      expect(run.error).toBeInstanceOf(InputError);
      expect(run.error?.message).toMatch(message);
    },
  );

  it('rejects an unknown backup and an existing restore target', async () => {
    const unknown = await env.run(restore(), {
      entityRef: 'component:default/charts',
      name: 'charts',
      backupId: 'missing-1',
    });
    expect(unknown.error?.message).toMatch(
      /backupId: no backup "missing-1" of database charts/,
    );
    const [latest] = await env.records.backups(
      (await env.records.findDatabase({
        entityRef: 'component:default/charts',
        name: 'charts',
      }))!.id,
    );
    const existing = await env.run(restore(), {
      entityRef: 'component:default/charts',
      name: 'charts',
      backupId: latest.id,
      targetDatabase: 'vitals',
    });
    expect(existing.error?.message).toMatch(
      /targetDatabase: vitals already exists/,
    );
  });

  it('never reveals a password or key in a log line, output, error or audit event', () => {
    expect(leakedSecrets(env)).toEqual([]);
  });
});
