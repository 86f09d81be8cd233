import { TestDatabases } from '@backstage/backend-test-utils';
import {
  CheckpointStore,
  PlatformTestEnvironment,
} from '../../__testUtils__/PlatformTestEnvironment';
import { queryAs, queryAsAdmin } from '../../__testUtils__/databaseAssertions';
import { provisionDatabase } from '../../__testUtils__/provisionDatabase';
import { leakedSecrets } from '../../__testUtils__/secretValues';
import { createDatabaseBackupAction } from './createDatabaseBackupAction';
import { createDatabaseRestoreAction } from './createDatabaseRestoreAction';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces('staging-eu', 'lab');
});
afterAll(async () => {
  await env.stop();
});

const restore = () => createDatabaseRestoreAction(env.actionOptions());
const patients = 'SELECT id, name FROM patient ORDER BY id';
const databaseExists = async (name: string) =>
  (
    await queryAsAdmin(env, 'SELECT 1 FROM pg_database WHERE datname = $1', [
      name,
    ])
  ).length === 1;

async function backedUp(name: string) {
  const target = await provisionDatabase(env, {
    name,
    namespace: 'lab',
    dataClassification: 'phi',
    rows: true,
  });
  const run = await env.run(createDatabaseBackupAction(env.actionOptions()), {
    entityRef: target.entityRef,
    name,
  });
  if (run.error) throw run.error;
  return { ...target, backupId: String(run.outputs.backupId) };
}

describe('carepath:database:restore', () => {
  it('changes nothing in a dry run, but still verifies the checksum', async () => {
    const { uri, ...target } = await backedUp('samples');
    const run = await env.run(
      restore(),
      { ...target, targetDatabase: 'samples_dry_run' },
      { isDryRun: true },
    );
    expect(run.error).toBeUndefined();
    expect(run.logs.join('\n')).toMatch(/checksum verified/);
    expect(run.logs.join('\n')).toMatch(
      /Dry run: would restore backup .* into a fresh database samples_dry_run/,
    );
    expect(await databaseExists('samples_dry_run')).toBe(false);
    expect(
      (await env.records.findDatabase(target))?.lastRestoreTestAt,
    ).toBeUndefined();
    expect(await queryAs(uri, patients)).toHaveLength(2);
  });

  it('resumes a restore test interrupted after the fresh database was created, without redoing done steps, and drops the copy', async () => {
    const { uri, ...target } = await backedUp('cultures');
    const input = { ...target, targetDatabase: 'cultures_restore_test' };
    const checkpoints = new CheckpointStore().crashBeforeNext(/:restore$/);
    const crashed = await env.run(restore(), input, { checkpoints });
    expect(crashed.error?.message).toMatch(/simulated crash/);
    expect(await databaseExists('cultures_restore_test')).toBe(true);
    const retried = await env.run(restore(), input, { checkpoints });
    expect(retried.error).toBeUndefined();
    expect(retried.logs.join('\n')).not.toMatch(
      /checksum verified|Created fresh database/,
    );
    // Verified (one table restored), then dropped: it was a copy of phi data.
    expect(retried.outputs.restoredTables).toBe(1);
    expect(await databaseExists('cultures_restore_test')).toBe(false);
    expect(await queryAs(uri, patients)).toHaveLength(2);
    const tested = (await env.records.findDatabase(target))?.lastRestoreTestAt;
    expect(tested).toEqual(expect.any(String));
    const again = await env.run(restore(), input, { checkpoints });
    expect(again.error).toBeUndefined();
    expect(again.logs).toEqual([]);
    expect((await env.records.findDatabase(target))?.lastRestoreTestAt).toBe(
      tested,
    );
  });

  it('never reveals a password or key in a log line, output, error or audit event', () => {
    expect(leakedSecrets(env)).toEqual([]);
  });
});
