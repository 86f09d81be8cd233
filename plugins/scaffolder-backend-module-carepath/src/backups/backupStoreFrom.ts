import { InputError } from '@backstage/errors';
import type { BackupConfig } from '../config/PlatformConfig';
import { BackupStore } from './BackupStore';

/** The configured backup store, or an InputError naming the missing config key. */
export function backupStoreFrom(config: BackupConfig): BackupStore {
  if (!config.directory) {
    throw new InputError(
      'carepath.backups.directory is not configured: there is no backup store to write to',
    );
  }
  if (!config.encryptionKey) {
    throw new InputError(
      'carepath.backups.encryptionKey is not configured: backups are encrypted at rest (AES-256-GCM) and none can be taken or restored without the key',
    );
  }
  return new BackupStore({
    directory: config.directory,
    encryptionKey: config.encryptionKey,
  });
}
