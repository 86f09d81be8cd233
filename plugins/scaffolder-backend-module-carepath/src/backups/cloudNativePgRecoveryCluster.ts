import type { ManifestObject } from '../kubernetes/applyObjects';
import type {
  BackupRecord,
  ProvisionedDatabase,
} from '../records/PlatformRecordStore';

/** The annotation naming the backup a CloudNativePG Cluster was recovered from. */
export const restoredFromAnnotation = 'carepath.io/restored-from';

/** Spec fields of the source Cluster a recovered one keeps (same image, size, roles). */
const keptSpecFields = [
  'instances',
  'imageName',
  'imageCatalogRef',
  'storage',
  'walStorage',
  'postgresql',
  'resources',
  'affinity',
  'managed',
  'backup',
];

/** The default name of the Cluster recovered from a backup: `<cluster>-restore-<backup suffix>`, at most 63 characters. */
export function recoveryClusterName(
  database: ProvisionedDatabase,
  backup: BackupRecord,
): string {
  const suffix = backup.id.slice(-6);
  const base = database
    .server!.slice(0, 63 - '-restore-'.length - suffix.length)
    .replace(/-+$/, '');
  return `${base}-restore-${suffix}`;
}

/**
 * A CloudNativePG `Cluster` bootstrapped from a `Backup` (CloudNativePG
 * restores only into a new Cluster): the source Cluster's image, storage,
 * PostgreSQL settings and managed roles, with `bootstrap.recovery` naming
 * the backup and the service's database and owner.
 */
export function cloudNativePgRecoveryCluster(options: {
  database: ProvisionedDatabase;
  backup: BackupRecord;
  name: string;
  /** The source Cluster as read from the cluster, when it still exists. */
  source?: ManifestObject;
}): ManifestObject {
  const { database, backup } = options;
  const sourceSpec = (options.source?.spec ?? {}) as Record<string, unknown>;
  const protectedData =
    database.classification === 'phi' || database.classification === 'pii';
  const kept = Object.fromEntries(
    keptSpecFields
      .filter(field => sourceSpec[field] !== undefined)
      .map(field => [field, sourceSpec[field]]),
  );
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: {
      name: options.name,
      namespace: database.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'carepath' },
      annotations: {
        'carepath.io/entity-ref': database.entityRef,
        [restoredFromAnnotation]: backup.id,
      },
    },
    spec: {
      instances: protectedData ? 3 : 1,
      storage: { size: '10Gi' },
      ...kept,
      bootstrap: {
        recovery: {
          backup: { name: backup.path.split('/').pop() },
          database: database.name,
          owner: database.name,
        },
      },
    },
  };
}
