import { InputError, NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import {
  databaseCredentialsSecret,
  readSecretPassword,
} from '../../database/credentialsSecret';
import { generatePassword } from '../../database/generatePassword';
import type { V1Secret } from '@kubernetes/client-node';
import {
  applyObject,
  describeObject,
  ManifestObject,
  readObject,
} from '../../kubernetes/applyObjects';
import type { ClusterConnection } from '../../kubernetes/ClusterConnections';
import { dataClassifications, fields, parseActionInput } from '../inputRules';
import {
  DatabaseActionOptions,
  defaultSecretName,
} from './DatabaseActionOptions';
import { databaseProvisionExamples } from './createDatabaseProvisionAction.examples';

const inputShape = {
  entityRef: fields.entityRef,
  owner: (zImpl: typeof z) =>
    zImpl
      .string()
      .regex(/^group:([\w.-]+\/)?[\w.-]+$/i, {
        message:
          'must be a group entity ref such as group:default/clinical-data',
      })
      .optional()
      .describe(
        'The owning group of a service that is not in the catalog yet (a golden path); the permission policy lets a developer provision only for their own groups',
      ),
  name: fields.databaseName,
  server: fields.server,
  provider: (zImpl: typeof z) =>
    zImpl
      .enum(['postgres', 'cloudnative-pg'])
      .default('postgres')
      .describe(
        'postgres: a database on a configured server; cloudnative-pg: a CloudNativePG Database resource in the cluster',
      ),
  dataClassification: (zImpl: typeof z) =>
    zImpl
      .enum(dataClassifications)
      .describe(
        'Classification of the data held; phi and pii get deletion protection and require backups',
      ),
  cluster: fields.cluster,
  namespace: fields.namespace,
  secretName: (zImpl: typeof z) =>
    fields
      .kubernetesName(
        zImpl,
        'Name of the credentials Secret; defaults to <name>-db-credentials',
      )
      .optional(),
  backupPolicy: (zImpl: typeof z) =>
    zImpl
      .object({
        maxAgeHours: zImpl
          .number()
          .int()
          .positive()
          .describe('The newest backup may be at most this old'),
      })
      .optional()
      .describe('Backup policy; required for phi'),
  cnpgCluster: (zImpl: typeof z) =>
    fields
      .kubernetesName(
        zImpl,
        'cloudnative-pg: name of the CloudNativePG Cluster; defaults to <name>-db',
      )
      .optional(),
  createCluster: (zImpl: typeof z) =>
    zImpl
      .boolean()
      .default(false)
      .describe('cloudnative-pg: also apply the Cluster resource'),
};

const outputShape = {
  database: (zImpl: typeof z) => zImpl.string().describe('Database name'),
  secretName: (zImpl: typeof z) =>
    zImpl.string().describe('Secret holding the credentials'),
  namespace: (zImpl: typeof z) =>
    zImpl.string().describe('Namespace of the Secret'),
  cluster: (zImpl: typeof z) =>
    zImpl.string().describe('Cluster of the Secret'),
  provider: (zImpl: typeof z) =>
    zImpl.string().describe('How the database is provided'),
};

const inputSchema = z.object(
  Object.fromEntries(
    Object.entries(inputShape).map(([key, build]) => [key, build(z)]),
  ) as { [K in keyof typeof inputShape]: ReturnType<(typeof inputShape)[K]> },
);

/** Redacted placeholder used for secret values in dry runs. */
const dryRunValue = '(generated when run)';

/**
 * `carepath:database:provision`: a least-privilege database and login role
 * for a service, with credentials delivered only as a Secret in the
 * service's namespace.
 *
 * @public
 */
export function createDatabaseProvisionAction(options: DatabaseActionOptions) {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'carepath:database:provision',
    description:
      'Provisions a database and least-privilege login role for a service and delivers the credentials as a Kubernetes Secret in its namespace',
    examples: databaseProvisionExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'database-provision',
          actionId: 'carepath:database:provision',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          if (input.dataClassification === 'phi' && !input.backupPolicy) {
            throw new InputError(
              'backupPolicy: required for phi data; give backupPolicy.maxAgeHours (e.g. 24)',
            );
          }
          if (input.owner) {
            // The permission policy lets a developer provision for a service
            // their group will own; an existing service's owner must agree.
            const ownership = await options.owners.ownerOf(input.entityRef);
            if (
              ownership.inCatalog &&
              ownership.owner?.toLowerCase() !== input.owner.toLowerCase()
            ) {
              throw new NotAllowedError(
                `owner: ${input.entityRef} is owned by ${
                  ownership.owner ?? 'no group'
                } in the catalog, not ${
                  input.owner
                }; a database is provisioned only for its owner`,
              );
            }
          }
          const connection = options.clusters.get(input.cluster);
          const server =
            input.provider === 'postgres'
              ? options.servers.get(input.server)
              : undefined;
          const secretName = input.secretName ?? defaultSecretName(input.name);
          const cnpgCluster =
            input.cnpgCluster ?? `${input.name.replace(/_/g, '-')}-db`;
          const protectedData =
            input.dataClassification === 'phi' ||
            input.dataClassification === 'pii';
          const keyBase = `carepath:database:provision:${input.provider}:${
            server?.name ?? `${input.cluster}/${input.namespace}/${cnpgCluster}`
          }:${input.name}`;

          const secretFor = (password: string) =>
            databaseCredentialsSecret({
              server,
              cnpgCluster,
              namespace: input.namespace,
              name: secretName,
              entityRef: input.entityRef,
              database: input.name,
              password,
            });
          const cnpgObjects = (): ManifestObject[] => [
            ...(input.createCluster
              ? [
                  {
                    apiVersion: 'postgresql.cnpg.io/v1',
                    kind: 'Cluster',
                    metadata: { name: cnpgCluster, namespace: input.namespace },
                    spec: {
                      instances: protectedData ? 3 : 1,
                      storage: { size: '10Gi' },
                      managed: {
                        roles: [
                          {
                            name: input.name,
                            ensure: 'present',
                            login: true,
                            superuser: false,
                            createdb: false,
                            createrole: false,
                            replication: false,
                            connectionLimit: options.config.connectionLimit,
                            passwordSecret: { name: secretName },
                          },
                        ],
                      },
                    },
                  },
                ]
              : []),
            {
              apiVersion: 'postgresql.cnpg.io/v1',
              kind: 'Database',
              metadata: {
                name: cnpgCluster.concat('-', input.name.replace(/_/g, '-')),
                namespace: input.namespace,
              },
              spec: {
                name: input.name,
                owner: input.name,
                cluster: { name: cnpgCluster },
                databaseReclaimPolicy: protectedData ? 'retain' : 'delete',
              },
            },
          ];

          // Another service's database, or one CarePath did not create, is
          // never adopted: that would hand over its data and its password.
          if (server) {
            const claim = await server.claimOf(input.name);
            if (claim.exists && claim.owner !== input.entityRef) {
              throw new InputError(
                `name: database or role "${
                  input.name
                }" already exists on server ${server.name} and ${
                  claim.owner
                    ? `belongs to ${claim.owner}`
                    : 'was not created by CarePath'
                }; choose another name`,
              );
            }
          }
          const existingSecret = await readObject<V1Secret>({
            connection,
            apiVersion: 'v1',
            kind: 'Secret',
            namespace: input.namespace,
            name: secretName,
          });
          const secretOwner =
            existingSecret?.metadata?.annotations?.['carepath.io/entity-ref'];
          if (existingSecret && secretOwner !== input.entityRef) {
            throw new InputError(
              `secretName: Secret ${
                input.namespace
              }/${secretName} already exists in cluster ${input.cluster} and ${
                secretOwner
                  ? `belongs to ${secretOwner}`
                  : 'was not created by CarePath'
              }; choose another secretName`,
            );
          }

          // Re-provisioning must not weaken a protected database's policy:
          // that would lift deletion protection without a decommission.
          const recorded = await options.records.findDatabase(input);
          if (
            recorded &&
            (recorded.classification === 'phi' ||
              recorded.classification === 'pii')
          ) {
            if (!protectedData) {
              throw new InputError(
                `dataClassification: ${input.name} is recorded as ${recorded.classification}; provisioning cannot lower it to ${input.dataClassification}`,
              );
            }
            if (recorded.backupPolicy && !input.backupPolicy) {
              throw new InputError(
                `backupPolicy: ${input.name} has a recorded backup policy (maxAgeHours ${recorded.backupPolicy.maxAgeHours}); provisioning cannot remove it`,
              );
            }
          }

          const outputs = {
            database: input.name,
            secretName,
            namespace: input.namespace,
            cluster: input.cluster,
            provider: input.provider,
          };

          await auditAction(
            {
              audit: options.audit,
              eventId: 'database-provision',
              severityLevel: protectedData ? 'high' : 'medium',
              actionId: 'carepath:database:provision',
              user: ctx.user,
              entityRef: input.entityRef,
              input: { ...input, secretName },
              isDryRun: ctx.isDryRun,
              taskId: ctx.task.id,
            },
            async () => {
              if (ctx.isDryRun) {
                await dryRun();
                return { ...outputs, dryRun: true };
              }
              let roleCreated = false;
              if (server) {
                roleCreated = await ctx.checkpoint({
                  key: `${keyBase}:database`,
                  fn: async () => {
                    const result = await server.ensureDatabase({
                      name: input.name,
                      connectionLimit: options.config.connectionLimit,
                      entityRef: input.entityRef,
                    });
                    ctx.logger.info(
                      `Database ${input.name} on server ${server.name}: role ${
                        result.createdRole ? 'created' : 'already present'
                      }, database ${
                        result.createdDatabase ? 'created' : 'already present'
                      }; least privilege applied`,
                    );
                    return result.createdRole;
                  },
                });
              }
              const credentials = await ctx.checkpoint({
                key: `${keyBase}:credentials:${input.cluster}/${input.namespace}/${secretName}`,
                fn: async () => deliverCredentials(connection, roleCreated),
              });
              if (!server) {
                await ctx.checkpoint({
                  key: `${keyBase}:cloudnative-pg`,
                  fn: async () => {
                    for (const object of cnpgObjects()) {
                      await applyObject({ connection, object });
                      ctx.logger.info(
                        `Applied ${describeObject(object)} to cluster ${
                          input.cluster
                        }`,
                      );
                    }
                  },
                });
              }
              await ctx.checkpoint({
                key: `${keyBase}:record`,
                fn: async () => {
                  const record = await options.records.recordDatabase({
                    entityRef: input.entityRef,
                    provider: input.provider,
                    server: server?.name ?? cnpgCluster,
                    name: input.name,
                    classification: input.dataClassification,
                    backupPolicy: input.backupPolicy,
                    deletionProtection: protectedData,
                    cluster: input.cluster,
                    namespace: input.namespace,
                    secretName,
                    createdAt: now().toISOString(),
                    lastCredentialRotationAt: credentials.passwordSetAt,
                  });
                  ctx.logger.info(
                    `Recorded database ${input.name} for ${
                      input.entityRef
                    } (classification ${
                      input.dataClassification
                    }, deletion protection ${
                      record.deletionProtection ? 'on' : 'off'
                    })`,
                  );
                },
              });
              return outputs;
            },
          );
          for (const [key, value] of Object.entries(outputs)) {
            ctx.output(key as keyof typeof outputs, value);
          }

          async function deliverCredentials(
            target: ClusterConnection,
            roleCreated: boolean,
          ): Promise<{ created: boolean; passwordSetAt?: string }> {
            const existing = await readSecretPassword({
              connection: target,
              namespace: input.namespace,
              name: secretName,
            });
            if (existing && server && roleCreated) {
              // The role is new but the service already holds credentials (the
              // server was rebuilt): give the role the password it holds.
              await server.setPassword({
                role: input.name,
                password: existing,
              });
              ctx.logger.info(
                `Role ${input.name} was new; set it to the password already held by Secret ${input.namespace}/${secretName}`,
              );
              return { created: false, passwordSetAt: now().toISOString() };
            }
            if (existing) {
              ctx.logger.info(
                `Secret ${input.namespace}/${secretName} already holds the credentials in cluster ${input.cluster}; keeping them`,
              );
              return { created: false };
            }
            const password = generatePassword();
            // Set the password before publishing it: if the Secret apply fails,
            // a retry generates a new one, so no Secret ever holds a password
            // the role does not have.
            if (server)
              await server.setPassword({ role: input.name, password });
            await applyObject({
              connection: target,
              object: secretFor(password),
            });
            ctx.logger.info(
              `Delivered credentials as Secret ${input.namespace}/${secretName} in cluster ${input.cluster}`,
            );
            return { created: true, passwordSetAt: now().toISOString() };
          }

          async function dryRun() {
            if (server) {
              const exists = await server.databaseExists(input.name);
              ctx.logger.info(
                `Dry run: database ${input.name} on server ${server.name} ${
                  exists
                    ? 'exists; its policy would be re-applied'
                    : 'would be created'
                } with a least-privilege login role (connection limit ${
                  options.config.connectionLimit
                })`,
              );
            }
            const objects = [
              secretFor(dryRunValue),
              ...(server ? [] : cnpgObjects()),
            ];
            for (const object of objects) {
              await applyObject({ connection, object, dryRun: true });
              ctx.logger.info(
                `Dry run: ${describeObject(object)} accepted by cluster ${
                  input.cluster
                } (dryRun=All, nothing persisted)`,
              );
            }
          }
        },
      );
    },
  });
}
