import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import { backupStoreFrom } from '../../backups/backupStoreFrom';
import { restoreDatabase } from '../../backups/postgresTools';
import { fields, parseActionInput } from '../inputRules';
import {
  DatabaseActionOptions,
  requireDatabase,
} from './DatabaseActionOptions';
import { databaseRestoreExamples } from './createDatabaseRestoreAction.examples';
import { restoreCloudNativePgBackup } from './restoreCloudNativePgBackup';

const inputShape = {
  entityRef: fields.entityRef,
  name: fields.databaseName,
  backupId: (zImpl: typeof z) =>
    zImpl
      .string()
      .regex(/^[a-z0-9-]{1,100}$/, {
        message: 'must be a backup id as output by carepath:database:backup',
      })
      .describe('The backup to restore, as output by carepath:database:backup'),
  targetDatabase: (zImpl: typeof z) =>
    fields
      .databaseName(zImpl)
      .optional()
      .describe(
        "Restore into this fresh database (a restore test) instead of the service's database; same naming rule",
      ),
  targetCluster: (zImpl: typeof z) =>
    fields
      .kubernetesName(
        zImpl,
        'cloudnative-pg: name of the new Cluster bootstrapped from the backup (CloudNativePG restores only into a new Cluster); default <cluster>-restore-<backup suffix>',
      )
      .max(63)
      .optional(),
  keepRestoredDatabase: (zImpl: typeof z) =>
    zImpl
      .boolean()
      .default(false)
      .describe(
        'Restore test: keep the fresh database afterwards (it holds a copy of the data); dropped by default',
      ),
};

const outputShape = {
  database: (zImpl: typeof z) =>
    zImpl.string().describe('The database restored into'),
  backupId: (zImpl: typeof z) => zImpl.string().describe('The backup restored'),
  restoreTest: (zImpl: typeof z) =>
    zImpl
      .boolean()
      .describe('Whether this was a restore test into a fresh database'),
  restoredTables: (zImpl: typeof z) =>
    zImpl
      .number()
      .optional()
      .describe('postgres: tables found in the database after the restore'),
  cluster: (zImpl: typeof z) =>
    zImpl
      .string()
      .optional()
      .describe('cloudnative-pg: the new Cluster bootstrapped from the backup'),
};

const inputSchema = z.object({
  entityRef: inputShape.entityRef(z),
  name: inputShape.name(z),
  backupId: inputShape.backupId(z),
  targetDatabase: inputShape.targetDatabase(z),
  targetCluster: inputShape.targetCluster(z),
  keepRestoredDatabase: inputShape.keepRestoredDatabase(z),
});

/**
 * `carepath:database:restore`: restores a recorded backup, after verifying
 * its checksum, into the service's database or into a fresh one; a
 * CloudNativePG backup into a new Cluster bootstrapped from it.
 *
 * @public
 */
export function createDatabaseRestoreAction(options: DatabaseActionOptions) {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'carepath:database:restore',
    description:
      "Restores a backup: postgres, checksum verified first, into the service's database or into a fresh database as a restore test; cloudnative-pg, into a new Cluster bootstrapped from its completed Backup",
    examples: databaseRestoreExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'database-restore',
          actionId: 'carepath:database:restore',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          const database = await requireDatabase(options.records, input);
          const backup = await options.records.findBackup(input.backupId);
          if (!backup || backup.databaseId !== database.id) {
            throw new InputError(
              `backupId: no backup "${input.backupId}" of database ${database.name} for ${input.entityRef}`,
            );
          }
          if (database.provider === 'cloudnative-pg') {
            if (input.targetDatabase || input.keepRestoredDatabase) {
              throw new InputError(
                `targetDatabase: ${database.name} is a CloudNativePG database, restored into a new Cluster; name it with targetCluster`,
              );
            }
            const restored = await restoreCloudNativePgBackup({
              ctx,
              options,
              database,
              backup,
              targetCluster: input.targetCluster,
            });
            ctx.output('database', database.name);
            ctx.output('backupId', backup.id);
            ctx.output('restoreTest', false);
            ctx.output('cluster', restored.cluster);
            return;
          }
          if (input.targetCluster) {
            throw new InputError(
              `targetCluster: applies to CloudNativePG databases; ${database.name} is on server ${database.server}, use targetDatabase for a restore test`,
            );
          }
          const store = backupStoreFrom(options.config.backups);
          if (backup.keyId && backup.keyId !== store.keyId) {
            throw new InputError(
              `backupId: backup ${backup.id} was encrypted with key ${backup.keyId}, but the configured carepath.backups.encryptionKey is key ${store.keyId}`,
            );
          }
          const server = options.servers.get(database.server);
          const target = input.targetDatabase ?? database.name;
          const restoreTest = target !== database.name;
          // A restore test needs a fresh database; the only one allowed to
          // exist is the one this restore created (a resumed task).
          const restoreClaim = `restore-test:${backup.id}`;
          if (restoreTest) {
            const claim = await server.claimOf(target);
            if (claim.exists && claim.owner !== restoreClaim) {
              throw new InputError(
                `targetDatabase: ${target} already exists on server ${server.name}; a restore test needs a fresh database`,
              );
            }
          }
          const keyBase = `carepath:database:restore:${backup.id}:${target}`;

          const result = await auditAction(
            {
              audit: options.audit,
              eventId: 'database-restore',
              severityLevel: 'high',
              actionId: 'carepath:database:restore',
              user: ctx.user,
              entityRef: input.entityRef,
              input,
              isDryRun: ctx.isDryRun,
              taskId: ctx.task.id,
              // What the restore-tested control reads from the trail.
              facts: () =>
                restoreTest
                  ? [
                      {
                        action: 'database.restore-tested',
                        details: {
                          database: database.name,
                          backupId: backup.id,
                        },
                      },
                    ]
                  : [],
            },
            async () => {
              const verify = async () => {
                const actual = await store.checksum(backup.path);
                if (actual !== backup.sha256) {
                  throw new Error(
                    `backup ${backup.id} failed its checksum: the stored file's sha256 is ${actual}, the recorded one ${backup.sha256}; refusing to restore`,
                  );
                }
                ctx.logger.info(
                  `Backup ${backup.id} checksum verified (sha256 ${actual})`,
                );
              };
              if (ctx.isDryRun) {
                await verify();
                ctx.logger.info(
                  `Dry run: would restore backup ${backup.id} into ${
                    restoreTest
                      ? `a fresh database ${target}`
                      : `${target}, replacing its objects`
                  } as role ${database.name}`,
                );
                return { restoredTables: 0 };
              }
              await ctx.checkpoint({ key: `${keyBase}:verify`, fn: verify });
              if (restoreTest) {
                await ctx.checkpoint({
                  key: `${keyBase}:create`,
                  fn: async () => {
                    await server.createEmptyDatabase({
                      name: target,
                      owner: database.name,
                      claim: restoreClaim,
                    });
                    ctx.logger.info(
                      `Created fresh database ${target} owned by ${database.name}`,
                    );
                  },
                });
              }
              await ctx.checkpoint({
                key: `${keyBase}:restore`,
                fn: async () => {
                  await restoreDatabase({
                    server,
                    database: target,
                    role: database.name,
                    dump: await store.read(backup.path),
                  });
                  ctx.logger.info(
                    `Restored backup ${backup.id} into ${target}`,
                  );
                },
              });
              const restoredTables = await ctx.checkpoint({
                key: `${keyBase}:count`,
                fn: async () => {
                  const tables = await server.countTables(target);
                  ctx.logger.info(
                    `${target} holds ${tables} tables after the restore`,
                  );
                  return tables;
                },
              });
              if (restoreTest) {
                await ctx.checkpoint({
                  key: `${keyBase}:record`,
                  fn: async () => {
                    await options.records.recordRestoreTest({
                      databaseId: database.id,
                      testedAt: now().toISOString(),
                    });
                  },
                });
                if (!input.keepRestoredDatabase) {
                  // The restore test database is a second copy of the data,
                  // outside every record and retention rule: remove it.
                  await ctx.checkpoint({
                    key: `${keyBase}:drop`,
                    fn: async () => {
                      await server.dropClaimedDatabase({
                        name: target,
                        claim: restoreClaim,
                      });
                      ctx.logger.info(
                        `Dropped restore test database ${target}`,
                      );
                    },
                  });
                }
              }
              return { restoredTables };
            },
          );
          ctx.output('database', target);
          ctx.output('backupId', backup.id);
          ctx.output('restoreTest', restoreTest);
          ctx.output('restoredTables', result.restoredTables);
        },
      );
    },
  });
}
