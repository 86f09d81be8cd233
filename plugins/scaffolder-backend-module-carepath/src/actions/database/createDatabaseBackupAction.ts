import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import { takeBackup } from '../../backups/takeBackup';
import { backupTargetFor } from './backupTargetFor';
import type { BackupRecord } from '../../records/PlatformRecordStore';
import { fields, parseActionInput } from '../inputRules';
import {
  asCheckpointValue,
  DatabaseActionOptions,
  requireDatabase,
} from './DatabaseActionOptions';
import { databaseBackupExamples } from './createDatabaseBackupAction.examples';

const inputShape = {
  entityRef: fields.entityRef,
  name: fields.databaseName,
};

const outputShape = {
  backupId: (zImpl: typeof z) =>
    zImpl
      .string()
      .describe('The backup, as named to carepath:database:restore'),
  sizeBytes: (zImpl: typeof z) =>
    zImpl.number().optional().describe('Size of the stored, encrypted file'),
  sha256: (zImpl: typeof z) =>
    zImpl.string().optional().describe('sha256 of the stored file'),
  retentionUntil: (zImpl: typeof z) =>
    zImpl.string().describe('Kept until, per the data classification'),
};

const inputSchema = z.object({
  entityRef: inputShape.entityRef(z),
  name: inputShape.name(z),
});

/**
 * `carepath:database:backup`: an encrypted logical backup into the backup
 * store (postgres provider) or a CloudNativePG `Backup` resource.
 *
 * @public
 */
export function createDatabaseBackupAction(options: DatabaseActionOptions) {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'carepath:database:backup',
    description:
      'Takes a backup of a provisioned database: pg_dump encrypted at rest (AES-256-GCM) into the backup store, or a CloudNativePG Backup resource',
    examples: databaseBackupExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'database-backup',
          actionId: 'carepath:database:backup',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          const database = await requireDatabase(options.records, input);
          const { logical, server, store, connection, retentionDays } =
            backupTargetFor(database, options);
          const keyBase = `carepath:database:backup:${database.id}`;

          const result = await auditAction(
            {
              audit: options.audit,
              eventId: 'database-backup',
              severityLevel: 'medium',
              actionId: 'carepath:database:backup',
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
                  `Dry run: would back up ${database.name} (${
                    database.classification
                  }) ${
                    logical
                      ? 'with pg_dump, encrypted, into the backup store'
                      : 'with a CloudNativePG Backup resource'
                  } and keep it ${retentionDays} days`,
                );
                return { backupId: '', retentionUntil: '' };
              }
              const backup = (await ctx.checkpoint({
                key: `${keyBase}:take`,
                fn: async () =>
                  asCheckpointValue(
                    await takeBackup({
                      database,
                      server,
                      store,
                      connection,
                      retentionDays,
                      now: now(),
                    }),
                  ),
              })) as unknown as BackupRecord;
              await ctx.checkpoint({
                key: `${keyBase}:record`,
                fn: async () => {
                  await options.records.recordBackup(backup);
                  ctx.logger.info(
                    `Backup ${backup.id} of ${database.name} stored${
                      backup.sizeBytes !== undefined
                        ? ` (${backup.sizeBytes} bytes, sha256 ${backup.sha256})`
                        : ''
                    }; kept until ${backup.retentionUntil}`,
                  );
                },
              });
              return {
                backupId: backup.id,
                retentionUntil: backup.retentionUntil,
                ...(backup.sizeBytes !== undefined
                  ? { sizeBytes: backup.sizeBytes }
                  : {}),
                ...(backup.sha256 ? { sha256: backup.sha256 } : {}),
              };
            },
          );
          for (const [key, value] of Object.entries(result)) {
            ctx.output(key as keyof typeof result, value);
          }
        },
      );
    },
  });
}
