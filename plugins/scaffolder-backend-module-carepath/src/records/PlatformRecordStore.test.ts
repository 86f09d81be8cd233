import { TestDatabases } from '@backstage/backend-test-utils';
import { startTestPostgres, TestPostgres } from '@carepath/test-postgres';
import { PlatformRecordStore } from './PlatformRecordStore';

jest.setTimeout(60_000);

// TestDatabases reads the connection string when it first starts PostgreSQL;
// the embedded server is up by then (see beforeAll).
const postgresVariable = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';
process.env[postgresVariable] ??= 'postgresql://embedded-server-not-started';
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startTestPostgres();
  process.env[postgresVariable] = postgres.adminUrl;
});
afterAll(async () => {
  await postgres.stop();
});

const database = (entityRef: string, name: string) => ({
  entityRef,
  provider: 'postgres' as const,
  server: 'main',
  name,
  classification: 'phi' as const,
  backupPolicy: { maxAgeHours: 24 },
  deletionProtection: true,
  cluster: 'staging-eu',
  namespace: 'patient-records',
  secretName: `${name}-db-credentials`,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe.each(databases.eachSupportedId())('PlatformRecordStore on %s', id => {
  let store: PlatformRecordStore;
  beforeAll(async () => {
    store = await PlatformRecordStore.create({
      knex: await databases.init(id),
    });
  });

  it('records a database once and updates it on a second provision', async () => {
    const first = await store.recordDatabase(
      database('component:default/a', 'a'),
    );
    const second = await store.recordDatabase({
      ...database('component:default/a', 'a'),
      namespace: 'moved',
    });
    expect(second.id).toBe(first.id);
    expect(await store.databases('component:default/a')).toEqual([
      expect.objectContaining({
        id: first.id,
        namespace: 'moved',
        deletionProtection: true,
        backupPolicy: { maxAgeHours: 24 },
      }),
    ]);
  });

  it('serves platform records in the compliance shape, without decommissioned databases', async () => {
    const db = await store.recordDatabase(database('component:default/b', 'b'));
    await store.recordBackup({
      id: 'backup-1',
      databaseId: db.id,
      kind: 'logical',
      path: 'b/backup-1.dump.enc',
      sizeBytes: 1234,
      sha256: 'ab'.repeat(32),
      createdAt: '2026-02-01T00:00:00.000Z',
      retentionUntil: '2032-02-01T00:00:00.000Z',
      encrypted: true,
      keyId: 'k1',
    });
    await store.recordBackup({
      id: 'backup-1',
      databaseId: db.id,
      kind: 'logical',
      path: 'b/other',
      createdAt: '2026-03-01T00:00:00.000Z',
      retentionUntil: '2032-03-01T00:00:00.000Z',
      encrypted: true,
    });
    await store.recordCredentialRotation({
      databaseId: db.id,
      rotatedAt: '2026-02-02T00:00:00.000Z',
      rotatedBy: 'user:default/dana',
    });
    await store.recordRestoreTest({
      databaseId: db.id,
      testedAt: '2026-02-03T00:00:00.000Z',
    });
    expect(await store.backups(db.id)).toEqual([
      expect.objectContaining({
        id: 'backup-1',
        path: 'b/backup-1.dump.enc',
        sizeBytes: 1234,
        encrypted: true,
      }),
    ]);
    expect(await store.credentialRotations(db.id)).toEqual([
      '2026-02-02T00:00:00.000Z',
    ]);
    expect(await store.platformRecords('component:default/b')).toEqual({
      databases: [
        {
          name: 'b',
          classification: 'phi',
          deletionProtection: true,
          backupPolicy: { maxAgeHours: 24 },
          lastBackupAt: '2026-02-01T00:00:00.000Z',
          lastCredentialRotationAt: '2026-02-02T00:00:00.000Z',
          lastRestoreTestAt: '2026-02-03T00:00:00.000Z',
        },
      ],
    });
    await store.recordDecommission({
      databaseId: db.id,
      decommissionedAt: '2026-04-01T00:00:00.000Z',
    });
    expect(await store.platformRecords('component:default/b')).toEqual({
      databases: [],
    });
    expect(
      await store.findDatabase({ entityRef: 'component:default/b', name: 'b' }),
    ).toBeUndefined();
  });

  it('keeps lifecycle changes in order', async () => {
    await store.recordLifecycleChange({
      entityRef: 'component:default/c',
      to: 'production',
      changedAt: '2026-01-01T00:00:00.000Z',
    });
    await store.recordLifecycleChange({
      entityRef: 'component:default/c',
      from: 'production',
      to: 'deprecated',
      changedAt: '2026-02-01T00:00:00.000Z',
      changedBy: 'user:default/dana',
    });
    expect(
      (await store.lifecycleChanges('component:default/c')).map(c => c.to),
    ).toEqual(['production', 'deprecated']);
    await store.recordLifecycleChange({
      entityRef: 'component:default/d',
      to: 'experimental',
      changedAt: '2026-01-15T00:00:00.000Z',
    });
    // Every entity's latest move, as the catalog reads them.
    await expect(store.currentLifecycles()).resolves.toEqual({
      'component:default/c': 'deprecated',
      'component:default/d': 'experimental',
    });
  });

  it('migrates an already migrated database without change', async () => {
    await expect(
      PlatformRecordStore.create({ knex: await databases.init(id) }),
    ).resolves.toBeInstanceOf(PlatformRecordStore);
  });
});
