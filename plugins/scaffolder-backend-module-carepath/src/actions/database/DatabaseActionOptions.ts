import type { AuditorService } from '@backstage/backend-plugin-api';
import type { PlatformConfig } from '../../config/PlatformConfig';
import type { DatabaseServers } from '../../database/DatabaseServers';
import type { ClusterConnections } from '../../kubernetes/ClusterConnections';
import type { PlatformRecordStore } from '../../records/PlatformRecordStore';

/** What the database actions work with. */
export interface DatabaseActionOptions {
  servers: DatabaseServers;
  clusters: ClusterConnections;
  records: PlatformRecordStore;
  auditor: AuditorService;
  config: PlatformConfig;
  /** The clock; defaults to the system time. */
  now?: () => Date;
}

/** The default credentials Secret name for a database name. */
export function defaultSecretName(database: string): string {
  return `${database.replace(/_/g, '-')}-db-credentials`;
}
