import { parseEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import { databaseCredentialsSecret } from '../../database/credentialsSecret';
import { generatePassword } from '../../database/generatePassword';
import { applyObject } from '../../kubernetes/applyObjects';
import { restartWorkloads } from '../../kubernetes/restartWorkloads';
import { fields, parseActionInput } from '../inputRules';
import {
  DatabaseActionOptions,
  requireDatabase,
} from './DatabaseActionOptions';
import { rotateCredentialsExamples } from './createRotateCredentialsAction.examples';

const inputShape = {
  entityRef: fields.entityRef,
  name: fields.databaseName,
  kubernetesId: (zImpl: typeof z) =>
    fields
      .kubernetesName(
        zImpl,
        'backstage.io/kubernetes-id of the workloads to restart; defaults to the entity name',
      )
      .optional(),
};

const outputShape = {
  secretName: (zImpl: typeof z) =>
    zImpl.string().describe('The updated Secret'),
  rotatedAt: (zImpl: typeof z) =>
    zImpl.string().describe('When the password changed'),
  restarted: (zImpl: typeof z) =>
    zImpl.array(zImpl.string()).describe('Workloads restarted, as Kind/name'),
};

const inputSchema = z.object({
  entityRef: inputShape.entityRef(z),
  name: inputShape.name(z),
  kubernetesId: inputShape.kubernetesId(z),
});

/**
 * `carepath:database:rotate-credentials`: a new password for a provisioned
 * database, the Secret updated, the service's workloads restarted; the old
 * password stops working at once.
 *
 * @public
 */
export function createRotateCredentialsAction(options: DatabaseActionOptions) {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'carepath:database:rotate-credentials',
    description:
      "Rotates a provisioned database's password: updates its Secret and restarts the service's Deployments and StatefulSets",
    examples: rotateCredentialsExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'database-rotate-credentials',
          actionId: 'carepath:database:rotate-credentials',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          const database = await requireDatabase(options.records, input);
          const connection = options.clusters.get(database.cluster);
          const server =
            database.provider === 'postgres'
              ? options.servers.get(database.server)
              : undefined;
          const secretName = database.secretName!;
          const kubernetesId =
            input.kubernetesId ?? parseEntityRef(input.entityRef).name;
          const keyBase = `carepath:database:rotate-credentials:${database.id}`;
          const secretFor = (password: string) =>
            databaseCredentialsSecret({
              server,
              cnpgCluster: database.server,
              namespace: database.namespace,
              name: secretName,
              entityRef: input.entityRef,
              database: database.name,
              password,
            });

          const result = await auditAction(
            {
              audit: options.audit,
              eventId: 'database-rotate-credentials',
              severityLevel: 'high',
              actionId: 'carepath:database:rotate-credentials',
              user: ctx.user,
              entityRef: input.entityRef,
              input,
              isDryRun: ctx.isDryRun,
              taskId: ctx.task.id,
              // What the credentials-rotated control reads from the trail.
              facts: rotation => [
                {
                  action: 'database.credentials-rotated',
                  details: {
                    database: database.name,
                    rotatedAt: rotation.rotatedAt,
                  },
                },
              ],
            },
            async () => {
              if (ctx.isDryRun) {
                await applyObject({
                  connection,
                  object: secretFor('(generated when run)'),
                  dryRun: true,
                });
                const restarted = await restartWorkloads({
                  connection,
                  namespace: database.namespace,
                  kubernetesId,
                  restartedAt: now().toISOString(),
                  dryRun: true,
                });
                ctx.logger.info(
                  `Dry run: would set a new password for ${
                    database.name
                  }, update Secret ${
                    database.namespace
                  }/${secretName} and restart ${
                    restarted.join(', ') || 'no workloads'
                  } (dryRun=All, nothing changed)`,
                );
                return { secretName, rotatedAt: '', restarted };
              }
              const rotatedAt = await ctx.checkpoint({
                key: `${keyBase}:password`,
                fn: async () => {
                  const password = generatePassword();
                  // Role first: a failed Secret update is retried with a fresh
                  // password, so the Secret never holds one the role lacks.
                  if (server)
                    await server.setPassword({ role: database.name, password });
                  await applyObject({
                    connection,
                    object: secretFor(password),
                  });
                  ctx.logger.info(
                    `New password set for role ${database.name}; Secret ${database.namespace}/${secretName} updated in cluster ${database.cluster}`,
                  );
                  return now().toISOString();
                },
              });
              const restarted = await ctx.checkpoint({
                key: `${keyBase}:restart`,
                fn: async () => {
                  const names = await restartWorkloads({
                    connection,
                    namespace: database.namespace,
                    kubernetesId,
                    restartedAt: rotatedAt,
                  });
                  ctx.logger.info(
                    names.length
                      ? `Restarting ${names.join(', ')} in ${
                          database.namespace
                        } to pick up the new credentials`
                      : `No Deployments or StatefulSets with backstage.io/kubernetes-id=${kubernetesId} in ${database.namespace}; nothing to restart`,
                  );
                  return names;
                },
              });
              await ctx.checkpoint({
                key: `${keyBase}:record`,
                fn: async () => {
                  await options.records.recordCredentialRotation({
                    databaseId: database.id,
                    rotatedAt,
                    rotatedBy: ctx.user?.ref,
                  });
                },
              });
              return { secretName, rotatedAt, restarted };
            },
          );
          ctx.output('secretName', result.secretName);
          ctx.output('rotatedAt', result.rotatedAt);
          ctx.output('restarted', result.restarted);
        },
      );
    },
  });
}
