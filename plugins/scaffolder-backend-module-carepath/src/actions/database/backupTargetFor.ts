import { backupStoreFrom } from '../../backups/backupStoreFrom';
import type { ProvisionedDatabase } from '../../records/PlatformRecordStore';
import type { DatabaseActionOptions } from './DatabaseActionOptions';

/**
 * Where and how a database is backed up: a logical dump into the encrypted
 * store for the `postgres` provider, a CloudNativePG Backup otherwise, kept
 * for its classification's retention.
 */
export function backupTargetFor(
  database: ProvisionedDatabase,
  options: Pick<DatabaseActionOptions, 'servers' | 'clusters' | 'config'>,
) {
  const logical = database.provider === 'postgres';
  return {
    logical,
    server: logical ? options.servers.get(database.server) : undefined,
    store: logical ? backupStoreFrom(options.config.backups) : undefined,
    connection: options.clusters.get(database.cluster),
    retentionDays:
      options.config.backups.retentionDays[database.classification],
  };
}
