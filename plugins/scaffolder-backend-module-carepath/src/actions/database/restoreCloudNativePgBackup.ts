import type { JsonObject } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { auditAction } from '../../audit/auditAction';
import {
  cloudNativePgRecoveryCluster,
  recoveryClusterName,
  restoredFromAnnotation,
} from '../../backups/cloudNativePgRecoveryCluster';
import {
  applyObject,
  describeObject,
  ManifestObject,
  readObject,
} from '../../kubernetes/applyObjects';
import type {
  BackupRecord,
  ProvisionedDatabase,
} from '../../records/PlatformRecordStore';
import type { DatabaseActionOptions } from './DatabaseActionOptions';

const cnpg = 'postgresql.cnpg.io/v1';

/**
 * Restores a CloudNativePG database: after checking that its `Backup`
 * completed, applies a new `Cluster` bootstrapped from it. A Cluster of
 * that name must not exist, unless it was recovered from this very backup
 * (a resumed task).
 */
export async function restoreCloudNativePgBackup(options: {
  ctx: Pick<
    ActionContext<JsonObject>,
    'logger' | 'checkpoint' | 'isDryRun' | 'user' | 'task'
  >;
  options: DatabaseActionOptions;
  database: ProvisionedDatabase;
  backup: BackupRecord;
  targetCluster?: string;
}): Promise<{ cluster: string }> {
  const { ctx, database, backup } = options;
  const connection = options.options.clusters.get(database.cluster);
  const [namespace, backupName] = backup.path.split('/');
  const name = options.targetCluster ?? recoveryClusterName(database, backup);
  const where = `in namespace ${namespace} of cluster ${database.cluster}`;

  const backupObject = await readObject<ManifestObject>({
    connection,
    apiVersion: cnpg,
    kind: 'Backup',
    namespace,
    name: backupName,
  });
  if (!backupObject) {
    throw new InputError(
      `backupId: the CloudNativePG Backup ${backupName} no longer exists ${where}`,
    );
  }
  const phase = (backupObject.status as { phase?: string } | undefined)?.phase;
  if (phase !== 'completed') {
    throw new InputError(
      `backupId: the CloudNativePG Backup ${backupName} ${where} has not completed (phase: ${
        phase ?? 'none yet'
      }); restore it once it has`,
    );
  }
  const existing = await readObject<ManifestObject>({
    connection,
    apiVersion: cnpg,
    kind: 'Cluster',
    namespace,
    name,
  });
  const recoveredFrom = (
    existing?.metadata?.annotations as Record<string, string> | undefined
  )?.[restoredFromAnnotation];
  if (existing && recoveredFrom !== backup.id) {
    throw new InputError(
      `targetCluster: a Cluster ${name} already exists ${where}; a restore needs a new Cluster`,
    );
  }
  const source = await readObject<ManifestObject>({
    connection,
    apiVersion: cnpg,
    kind: 'Cluster',
    namespace,
    name: database.server!,
  });
  const cluster = cloudNativePgRecoveryCluster({
    database,
    backup,
    name,
    source,
  });

  return auditAction(
    {
      audit: options.options.audit,
      eventId: 'database-restore',
      severityLevel: 'high',
      actionId: 'carepath:database:restore',
      user: ctx.user,
      entityRef: database.entityRef,
      input: {
        entityRef: database.entityRef,
        name: database.name,
        backupId: backup.id,
        targetCluster: name,
      },
      isDryRun: ctx.isDryRun,
      taskId: ctx.task.id,
    },
    async () => {
      if (ctx.isDryRun) {
        await applyObject({ connection, object: cluster, dryRun: true });
        ctx.logger.info(
          `Dry run: ${describeObject(
            cluster,
          )} bootstrapped from Backup ${backupName} accepted by cluster ${
            database.cluster
          } (dryRun=All, nothing persisted)`,
        );
        return { cluster: name };
      }
      await ctx.checkpoint({
        key: `carepath:database:restore:${backup.id}:cluster:${name}`,
        fn: async () => {
          await applyObject({ connection, object: cluster });
          ctx.logger.info(
            `Applied ${describeObject(cluster)} to cluster ${
              database.cluster
            }, recovering database ${database.name} from Backup ${backupName}${
              source ? ` with the settings of Cluster ${database.server}` : ''
            }; CloudNativePG reports the recovery in the Cluster's status`,
          );
        },
      });
      return { cluster: name };
    },
  );
}
