import type { JsonObject } from '@backstage/config';
import type { PlatformAudit } from '../../audit/PlatformAudit';
import type { EntityOwners } from '../../catalog/CatalogEntityOwners';
import type { PlatformConfig } from '../../config/PlatformConfig';
import type { DatabaseServers } from '../../database/DatabaseServers';
import type { ClusterConnections } from '../../kubernetes/ClusterConnections';
import { InputError } from '@backstage/errors';
import type {
  PlatformRecordStore,
  ProvisionedDatabase,
} from '../../records/PlatformRecordStore';

/** What the database actions work with. */
export interface DatabaseActionOptions {
  servers: DatabaseServers;
  clusters: ClusterConnections;
  records: PlatformRecordStore;
  audit: PlatformAudit;
  config: PlatformConfig;
  /** Who owns a service in the catalog (provision's `owner` check). */
  owners: EntityOwners;
  /** The clock; defaults to the system time. */
  now?: () => Date;
}

/** The default credentials Secret name for a database name. */
export function defaultSecretName(database: string): string {
  return `${database.replace(/_/g, '-')}-db-credentials`;
}

/** The entity's active database record, or an InputError naming both. */
export async function requireDatabase(
  records: PlatformRecordStore,
  options: { entityRef: string; name: string },
): Promise<ProvisionedDatabase> {
  const database = await records.findDatabase(options);
  if (!database) {
    throw new InputError(
      `name: no provisioned database "${options.name}" for ${options.entityRef}; provision it with carepath:database:provision first`,
    );
  }
  return database;
}

/** A record as a checkpoint value (JSON, undefined fields dropped). */
export function asCheckpointValue<T extends object>(value: T): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}
