import type {
  DatabaseRecord,
  DataClassification,
  PlatformRecords,
} from '@carepath/plugin-compliance-common';
import { Knex, migratePlatformRecords } from './migrations';

/** How a database is provided. */
export type DatabaseProvider = 'postgres' | 'cloudnative-pg';

/** A database the platform provisioned, as recorded. */
export interface ProvisionedDatabase {
  id: number;
  entityRef: string;
  provider: DatabaseProvider;
  /** The database server (postgres provider) or the CNPG Cluster name. */
  server?: string;
  name: string;
  classification: DataClassification;
  backupPolicy?: { maxAgeHours: number };
  deletionProtection: boolean;
  cluster: string;
  namespace: string;
  secretName?: string;
  createdAt: string;
  lastCredentialRotationAt?: string;
  lastBackupAt?: string;
  lastRestoreTestAt?: string;
  decommissionedAt?: string;
}

/** A stored backup, as recorded. */
export interface BackupRecord {
  id: string;
  databaseId: number;
  kind: 'logical' | 'cloudnative-pg';
  /** File name in the backup store, or the Backup resource's namespace/name. */
  path: string;
  sizeBytes?: number;
  sha256?: string;
  createdAt: string;
  retentionUntil: string;
  encrypted: boolean;
  keyId?: string;
}

/** A lifecycle change of a catalog entity. */
export interface LifecycleChange {
  entityRef: string;
  from?: string;
  to: string;
  changedAt: string;
  changedBy?: string;
}

type Row = Record<string, unknown>;

const optionalString = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

function toDatabase(row: Row): ProvisionedDatabase {
  const maxAge = row.backup_max_age_hours;
  return {
    id: Number(row.id),
    entityRef: String(row.entity_ref),
    provider: String(row.provider) as DatabaseProvider,
    server: optionalString(row.server),
    name: String(row.name),
    classification: String(row.classification) as DataClassification,
    backupPolicy:
      maxAge === null || maxAge === undefined
        ? undefined
        : { maxAgeHours: Number(maxAge) },
    deletionProtection: Boolean(row.deletion_protection),
    cluster: String(row.cluster),
    namespace: String(row.namespace),
    secretName: optionalString(row.secret_name),
    createdAt: String(row.created_at),
    lastCredentialRotationAt: optionalString(row.last_credential_rotation_at),
    lastBackupAt: optionalString(row.last_backup_at),
    lastRestoreTestAt: optionalString(row.last_restore_test_at),
    decommissionedAt: optionalString(row.decommissioned_at),
  };
}

function toBackup(row: Row): BackupRecord {
  return {
    id: String(row.id),
    databaseId: Number(row.database_id),
    kind: String(row.kind) as BackupRecord['kind'],
    path: String(row.path),
    sizeBytes:
      row.size_bytes === null || row.size_bytes === undefined
        ? undefined
        : Number(row.size_bytes),
    sha256: optionalString(row.sha256),
    createdAt: String(row.created_at),
    retentionUntil: String(row.retention_until),
    encrypted: Boolean(row.encrypted),
    keyId: optionalString(row.key_id),
  };
}

/**
 * The platform's records of what it provisioned and did: databases, backups,
 * credential rotations and lifecycle changes. Stored with knex in the
 * scaffolder plugin's database (SQLite or PostgreSQL); timestamps are ISO
 * 8601 strings so both engines compare them the same way.
 */
export class PlatformRecordStore {
  static async create(options: {
    knex: Knex;
    skipMigrations?: boolean;
  }): Promise<PlatformRecordStore> {
    if (!options.skipMigrations) await migratePlatformRecords(options.knex);
    return new PlatformRecordStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  /** The active (not decommissioned) database of that name for the entity. */
  async findDatabase(options: {
    entityRef: string;
    name: string;
  }): Promise<ProvisionedDatabase | undefined> {
    const row = await this.knex('carepath_databases')
      .where({ entity_ref: options.entityRef, name: options.name })
      .whereNull('decommissioned_at')
      .orderBy('id', 'desc')
      .first();
    return row ? toDatabase(row) : undefined;
  }

  /**
   * Records a provisioned database, or updates the active record of the same
   * entity and name (a second provision run with the same inputs).
   */
  async recordDatabase(
    database: Omit<
      ProvisionedDatabase,
      | 'id'
      | 'createdAt'
      | 'lastCredentialRotationAt'
      | 'lastBackupAt'
      | 'lastRestoreTestAt'
      | 'decommissionedAt'
    > & { createdAt: string; lastCredentialRotationAt?: string },
  ): Promise<ProvisionedDatabase> {
    const values = {
      entity_ref: database.entityRef,
      provider: database.provider,
      server: database.server ?? null,
      name: database.name,
      classification: database.classification,
      backup_max_age_hours: database.backupPolicy?.maxAgeHours ?? null,
      deletion_protection: database.deletionProtection,
      cluster: database.cluster,
      namespace: database.namespace,
      secret_name: database.secretName ?? null,
    };
    return this.knex.transaction(async trx => {
      const existing = await trx('carepath_databases')
        .where({ entity_ref: database.entityRef, name: database.name })
        .whereNull('decommissioned_at')
        .first();
      if (existing) {
        await trx('carepath_databases')
          .where({ id: existing.id })
          .update(values);
        return toDatabase({ ...existing, ...values });
      }
      const row = {
        ...values,
        created_at: database.createdAt,
        last_credential_rotation_at: database.lastCredentialRotationAt ?? null,
      };
      const [inserted] = await trx('carepath_databases').insert(row, ['id']);
      const id = typeof inserted === 'object' ? inserted.id : inserted;
      return toDatabase({ ...row, id });
    });
  }

  async recordCredentialRotation(options: {
    databaseId: number;
    rotatedAt: string;
    rotatedBy?: string;
  }): Promise<void> {
    await this.knex.transaction(async trx => {
      await trx('carepath_credential_rotations').insert({
        database_id: options.databaseId,
        rotated_at: options.rotatedAt,
        rotated_by: options.rotatedBy ?? null,
      });
      await trx('carepath_databases')
        .where({ id: options.databaseId })
        .update({ last_credential_rotation_at: options.rotatedAt });
    });
  }

  async credentialRotations(databaseId: number): Promise<string[]> {
    const rows = await this.knex('carepath_credential_rotations')
      .where({ database_id: databaseId })
      .orderBy('id');
    return rows.map(row => String(row.rotated_at));
  }

  /** Records a backup once; recording the same id again changes nothing. */
  async recordBackup(backup: BackupRecord): Promise<void> {
    await this.knex.transaction(async trx => {
      const existing = await trx('carepath_backups')
        .where({ id: backup.id })
        .first();
      if (existing) return;
      await trx('carepath_backups').insert({
        id: backup.id,
        database_id: backup.databaseId,
        kind: backup.kind,
        path: backup.path,
        size_bytes: backup.sizeBytes ?? null,
        sha256: backup.sha256 ?? null,
        created_at: backup.createdAt,
        retention_until: backup.retentionUntil,
        encrypted: backup.encrypted,
        key_id: backup.keyId ?? null,
      });
      await trx('carepath_databases')
        .where({ id: backup.databaseId })
        .update({ last_backup_at: backup.createdAt });
    });
  }

  async findBackup(id: string): Promise<BackupRecord | undefined> {
    const row = await this.knex('carepath_backups').where({ id }).first();
    return row ? toBackup(row) : undefined;
  }

  async backups(databaseId: number): Promise<BackupRecord[]> {
    const rows = await this.knex('carepath_backups')
      .where({ database_id: databaseId })
      .orderBy('created_at');
    return rows.map(toBackup);
  }

  async recordRestoreTest(options: {
    databaseId: number;
    testedAt: string;
  }): Promise<void> {
    await this.knex('carepath_databases')
      .where({ id: options.databaseId })
      .update({ last_restore_test_at: options.testedAt });
  }

  async recordDecommission(options: {
    databaseId: number;
    decommissionedAt: string;
  }): Promise<void> {
    await this.knex('carepath_databases')
      .where({ id: options.databaseId })
      .whereNull('decommissioned_at')
      .update({ decommissioned_at: options.decommissionedAt });
  }

  async databases(entityRef: string): Promise<ProvisionedDatabase[]> {
    const rows = await this.knex('carepath_databases')
      .where({ entity_ref: entityRef })
      .orderBy('id');
    return rows.map(toDatabase);
  }

  /** What the compliance plugin reads: the entity's active databases. */
  async platformRecords(entityRef: string): Promise<PlatformRecords> {
    const databases = (await this.databases(entityRef)).filter(
      d => !d.decommissionedAt,
    );
    return {
      databases: databases.map(
        (d): DatabaseRecord => ({
          name: d.name,
          classification: d.classification,
          deletionProtection: d.deletionProtection,
          ...(d.backupPolicy ? { backupPolicy: d.backupPolicy } : {}),
          ...(d.lastBackupAt ? { lastBackupAt: d.lastBackupAt } : {}),
          ...(d.lastRestoreTestAt
            ? { lastRestoreTestAt: d.lastRestoreTestAt }
            : {}),
          ...(d.lastCredentialRotationAt
            ? { lastCredentialRotationAt: d.lastCredentialRotationAt }
            : {}),
        }),
      ),
    };
  }

  async recordLifecycleChange(change: LifecycleChange): Promise<void> {
    await this.knex('carepath_lifecycle_changes').insert({
      entity_ref: change.entityRef,
      from_lifecycle: change.from ?? null,
      to_lifecycle: change.to,
      changed_at: change.changedAt,
      changed_by: change.changedBy ?? null,
    });
  }

  /** Every entity's recorded lifecycle: the destination of its latest move. */
  async currentLifecycles(): Promise<Record<string, string>> {
    const latest = this.knex('carepath_lifecycle_changes')
      .select('entity_ref')
      .max({ id: 'id' })
      .groupBy('entity_ref')
      .as('latest');
    const rows: Array<{ entity_ref: string; to_lifecycle: string }> =
      await this.knex('carepath_lifecycle_changes as c')
        .join(latest, 'c.id', 'latest.id')
        .select('c.entity_ref', 'c.to_lifecycle');
    return Object.fromEntries(
      rows.map(row => [String(row.entity_ref), String(row.to_lifecycle)]),
    );
  }

  /** The entity's recorded lifecycle changes, oldest first. */
  async lifecycleChanges(entityRef: string): Promise<LifecycleChange[]> {
    const rows = await this.knex('carepath_lifecycle_changes')
      .where({ entity_ref: entityRef })
      .orderBy('id');
    return rows.map(row => ({
      entityRef: String(row.entity_ref),
      from: optionalString(row.from_lifecycle),
      to: String(row.to_lifecycle),
      changedAt: String(row.changed_at),
      changedBy: optionalString(row.changed_by),
    }));
  }
}
