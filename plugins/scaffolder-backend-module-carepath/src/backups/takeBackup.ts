import { randomBytes } from 'node:crypto';
import type { DatabaseServer } from '../database/DatabaseServer';
import type { ClusterConnection } from '../kubernetes/ClusterConnections';
import { applyObject } from '../kubernetes/applyObjects';
import type {
  BackupRecord,
  ProvisionedDatabase,
} from '../records/PlatformRecordStore';
import type { BackupStore } from './BackupStore';
import { startDump } from './postgresTools';

const dayMs = 24 * 60 * 60 * 1000;

function backupId(database: ProvisionedDatabase, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'z');
  return `${database.name.replace(
    /_/g,
    '-',
  )}-${stamp.toLowerCase()}-${randomBytes(3).toString('hex')}`;
}

/**
 * Takes a backup of a provisioned database and describes it for the records
 * (not yet recorded): an encrypted `pg_dump` in the backup store for the
 * postgres provider, a CloudNativePG `Backup` resource otherwise.
 */
export async function takeBackup(options: {
  database: ProvisionedDatabase;
  server?: DatabaseServer;
  store?: BackupStore;
  connection: ClusterConnection;
  retentionDays: number;
  now: Date;
}): Promise<BackupRecord> {
  const { database, now } = options;
  const id = backupId(database, now);
  const retentionUntil = new Date(
    now.getTime() + options.retentionDays * dayMs,
  ).toISOString();
  if (database.provider === 'cloudnative-pg') {
    await applyObject({
      connection: options.connection,
      object: {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Backup',
        metadata: {
          name: id,
          namespace: database.namespace,
          labels: { 'app.kubernetes.io/managed-by': 'carepath' },
          annotations: { 'carepath.io/retention-until': retentionUntil },
        },
        spec: { cluster: { name: database.server! } },
      },
    });
    return {
      id,
      databaseId: database.id,
      kind: 'cloudnative-pg',
      path: `${database.namespace}/${id}`,
      createdAt: now.toISOString(),
      retentionUntil,
      // Encryption of CloudNativePG backups is the Cluster's object store setting.
      encrypted: false,
    };
  }
  const store = options.store!;
  const dump = startDump({ server: options.server!, database: database.name });
  const stored = await store.write({
    path: `${database.name}/${id}.dump.enc`,
    source: dump.stream,
    sourceDone: dump.done,
  });
  return {
    id,
    databaseId: database.id,
    kind: 'logical',
    path: stored.path,
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
    createdAt: now.toISOString(),
    retentionUntil,
    encrypted: true,
    keyId: store.keyId,
  };
}
