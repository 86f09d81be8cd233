import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import { takeBackup } from '../../backups/takeBackup';
import { backupTargetFor } from './backupTargetFor';
import {
  kubernetesErrorMessage,
  kubernetesStatusCode,
} from '../../kubernetes/kubernetesErrors';
import type { BackupRecord } from '../../records/PlatformRecordStore';
import { fields, parseActionInput } from '../inputRules';
import {
  asCheckpointValue,
  DatabaseActionOptions,
} from './DatabaseActionOptions';
import { databaseDecommissionExamples } from './createDatabaseDecommissionAction.examples';

const inputShape = {
  entityRef: fields.entityRef,
  name: fields.databaseName,
  confirm: (zImpl: typeof z) =>
    zImpl
      .string()
      .optional()
      .describe(
        'Required for phi and pii databases: the database name again, to confirm',
      ),
};

const outputShape = {
  finalBackupId: (zImpl: typeof z) =>
    zImpl.string().describe('The backup taken before the drop'),
  retentionUntil: (zImpl: typeof z) =>
    zImpl.string().describe('The final backup is kept until then'),
};

const inputSchema = z.object({
  entityRef: inputShape.entityRef(z),
  name: inputShape.name(z),
  confirm: inputShape.confirm(z),
});

/**
 * `carepath:database:decommission`: a final backup, then the database, its
 * role and its credentials Secret are removed. Backups are kept for their
 * retention.
 *
 * @public
 */
export function createDatabaseDecommissionAction(
  options: DatabaseActionOptions,
) {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'carepath:database:decommission',
    description:
      'Takes a final backup of a database, then drops the database and its role and deletes its credentials Secret; phi and pii need confirm',
    examples: databaseDecommissionExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'database-decommission',
          actionId: 'carepath:database:decommission',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          const records = (
            await options.records.databases(input.entityRef)
          ).filter(d => d.name === input.name);
          const database = records.find(d => !d.decommissionedAt);
          if (!database) {
            const done = records.at(-1);
            if (!done) {
              throw new InputError(
                `name: no provisioned database "${input.name}" for ${input.entityRef}`,
              );
            }
            const [latest] = (await options.records.backups(done.id)).slice(-1);
            ctx.logger.info(
              `Database ${input.name} of ${input.entityRef} was already decommissioned at ${done.decommissionedAt}; nothing to do`,
            );
            ctx.output('finalBackupId', latest?.id ?? '');
            ctx.output('retentionUntil', latest?.retentionUntil ?? '');
            return;
          }
          if (
            database.classification === 'phi' ||
            database.classification === 'pii'
          ) {
            if (!database.backupPolicy) {
              throw new InputError(
                `name: ${database.name} holds ${database.classification} data but no backup and retention policy is recorded for it; record one (re-run carepath:database:provision with backupPolicy) before decommissioning`,
              );
            }
            if (input.confirm !== database.name) {
              throw new InputError(
                `confirm: ${database.name} holds ${database.classification} data; set confirm to "${database.name}" to decommission it`,
              );
            }
          }
          const { server, store, connection, retentionDays } = backupTargetFor(
            database,
            options,
          );
          const keyBase = `carepath:database:decommission:${database.id}`;

          const result = await auditAction(
            {
              audit: options.audit,
              eventId: 'database-decommission',
              severityLevel: 'critical',
              actionId: 'carepath:database:decommission',
              user: ctx.user,
              entityRef: input.entityRef,
              input,
              isDryRun: ctx.isDryRun,
              taskId: ctx.task.id,
            },
            async () => {
              if (ctx.isDryRun) {
                if (server) await server.databaseExists(database.name);
                ctx.logger.info(
                  `Dry run: would take a final backup of ${database.name} (kept ${retentionDays} days), then drop it, its role and Secret ${database.namespace}/${database.secretName}`,
                );
                return { finalBackupId: '', retentionUntil: '' };
              }
              const backup = (await ctx.checkpoint({
                key: `${keyBase}:final-backup`,
                fn: async () => {
                  const taken = await takeBackup({
                    database,
                    server,
                    store,
                    connection,
                    retentionDays,
                    now: now(),
                  });
                  await options.records.recordBackup(taken);
                  ctx.logger.info(
                    `Final backup ${taken.id} of ${database.name} kept until ${taken.retentionUntil}`,
                  );
                  return asCheckpointValue(taken);
                },
              })) as unknown as BackupRecord;
              await ctx.checkpoint({
                key: `${keyBase}:drop`,
                fn: async () => {
                  if (server) {
                    await server.dropDatabase({ name: database.name });
                  } else {
                    await deleteObject(
                      'postgresql.cnpg.io/v1',
                      'Database',
                      `${database.server}-${database.name.replace(/_/g, '-')}`,
                    );
                  }
                  ctx.logger.info(
                    `Dropped database ${database.name} and its role`,
                  );
                },
              });
              await ctx.checkpoint({
                key: `${keyBase}:secret`,
                fn: async () => {
                  if (database.secretName)
                    await deleteObject('v1', 'Secret', database.secretName);
                  ctx.logger.info(
                    `Deleted Secret ${database.namespace}/${database.secretName} in cluster ${database.cluster}`,
                  );
                },
              });
              await ctx.checkpoint({
                key: `${keyBase}:record`,
                fn: async () => {
                  await options.records.recordDecommission({
                    databaseId: database.id,
                    decommissionedAt: now().toISOString(),
                  });
                },
              });
              return {
                finalBackupId: backup.id,
                retentionUntil: backup.retentionUntil,
              };
            },
          );
          ctx.output('finalBackupId', result.finalBackupId);
          ctx.output('retentionUntil', result.retentionUntil);

          async function deleteObject(
            apiVersion: string,
            kind: string,
            name: string,
          ) {
            try {
              await connection.objects.delete({
                apiVersion,
                kind,
                metadata: { name, namespace: database!.namespace },
              });
            } catch (error) {
              if (kubernetesStatusCode(error) === 404) return; // already gone: a retried step
              throw new Error(
                `deleting ${kind} ${database!.namespace}/${name} in cluster ${
                  database!.cluster
                } failed: ${kubernetesErrorMessage(error, connection)}`,
              );
            }
          }
        },
      );
    },
  });
}
