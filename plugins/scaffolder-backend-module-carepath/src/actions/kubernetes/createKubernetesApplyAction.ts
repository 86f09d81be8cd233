import type { PlatformAudit } from '../../audit/PlatformAudit';
import type { JsonValue } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createHash } from 'node:crypto';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import { applyObject, describeObject } from '../../kubernetes/applyObjects';
import type { ClusterConnections } from '../../kubernetes/ClusterConnections';
import {
  inApplyOrder,
  objectsFromFiles,
  objectsFromInput,
  readWorkspaceFiles,
} from '../../kubernetes/readManifests';
import { waitForRollout } from '../../kubernetes/waitForRollout';
import { fields, kubernetesNamePattern, parseActionInput } from '../inputRules';
import { kubernetesApplyExamples } from './createKubernetesApplyAction.examples';

/** What the Kubernetes actions work with. */
export interface KubernetesActionOptions {
  clusters: ClusterConnections;
  audit: PlatformAudit;
  /** How often rollout status is read. Defaults to 2 s. */
  rolloutPollIntervalMs?: number;
}

/** Any JSON value, so manifests stay JSON through the scaffolder. */
function jsonValue(zImpl: typeof z): z.ZodType<JsonValue> {
  const value: z.ZodType<JsonValue> = zImpl.lazy(() =>
    zImpl.union([
      zImpl.string(),
      zImpl.number(),
      zImpl.boolean(),
      zImpl.null(),
      zImpl.array(value),
      zImpl.record(value),
    ]),
  );
  return value;
}

const inputShape = {
  cluster: (zImpl: typeof z) => fields.cluster(zImpl).optional(),
  environment: (zImpl: typeof z) =>
    zImpl
      .string()
      .min(1)
      .optional()
      .describe(
        'Environment from carepath.environments: apply to each of its clusters (instead of cluster)',
      ),
  path: (zImpl: typeof z) =>
    zImpl
      .string()
      .default('kubernetes/')
      .describe(
        'Folder (or file) in the workspace whose *.yaml manifests are applied; ignored when manifests is given',
      ),
  manifests: (zImpl: typeof z) =>
    zImpl
      .array(zImpl.record(jsonValue(zImpl)))
      .min(1)
      .optional()
      .describe('Objects to apply instead of the workspace files'),
  namespace: (zImpl: typeof z) =>
    zImpl
      .string()
      .regex(kubernetesNamePattern, {
        message: 'must be a Kubernetes namespace name (RFC 1123 label)',
      })
      .optional()
      .describe('Namespace for namespaced objects that name none'),
  force: (zImpl: typeof z) =>
    zImpl
      .boolean()
      .default(false)
      .describe('Take over fields owned by other field managers'),
  waitForRollout: (zImpl: typeof z) =>
    zImpl
      .object({
        timeoutSeconds: zImpl
          .number()
          .int()
          .positive()
          .max(3600)
          .default(300)
          .describe('Give up after this long'),
      })
      .optional()
      .describe('Wait for applied Deployments and StatefulSets to roll out'),
  entityRef: (zImpl: typeof z) => fields.entityRef(zImpl).optional(),
};

const outputShape = {
  clusters: (zImpl: typeof z) =>
    zImpl.array(zImpl.string()).describe('Clusters applied to'),
  applied: (zImpl: typeof z) =>
    zImpl
      .array(zImpl.string())
      .describe('Objects applied, as "Kind namespace/name"'),
};

const inputSchema = z.object(
  Object.fromEntries(
    Object.entries(inputShape).map(([k, build]) => [k, build(z)]),
  ) as {
    [K in keyof typeof inputShape]: ReturnType<(typeof inputShape)[K]>;
  },
);

const clusterScopedKinds = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
]);

/**
 * `carepath:kubernetes:apply`: server-side apply of manifests to a cluster
 * from config, optionally waiting for the rollout.
 *
 * @public
 */
export function createKubernetesApplyAction(options: KubernetesActionOptions) {
  return createTemplateAction({
    id: 'carepath:kubernetes:apply',
    description:
      'Server-side applies manifests (field manager carepath) from the workspace or inline to a configured cluster, optionally waiting for rollouts',
    examples: kubernetesApplyExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'kubernetes-apply',
          actionId: 'carepath:kubernetes:apply',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          if (Boolean(input.cluster) === Boolean(input.environment)) {
            throw new InputError(
              'cluster: give either cluster or environment (exactly one)',
            );
          }
          const clusterNames = input.cluster
            ? [input.cluster]
            : options.clusters.clustersOf(input.environment!);
          clusterNames.forEach(name => options.clusters.assertKnown(name));
          const sourced = inApplyOrder(
            input.manifests
              ? objectsFromInput(input.manifests)
              : objectsFromFiles(
                  await readWorkspaceFiles({
                    workspacePath: ctx.workspacePath,
                    path: input.path,
                  }),
                ),
          );
          if (sourced.length === 0) {
            throw new InputError(
              `path: no manifests found under ${input.path}`,
            );
          }
          for (const { object } of sourced) {
            if (
              !clusterScopedKinds.has(object.kind!) &&
              !object.metadata!.namespace
            ) {
              if (!input.namespace) {
                throw new InputError(
                  `namespace: ${describeObject(
                    object,
                  )} names no namespace; set metadata.namespace or the namespace input`,
                );
              }
              object.metadata!.namespace = input.namespace;
            }
          }
          const applied = sourced.map(({ object }) => describeObject(object));

          await auditAction(
            {
              audit: options.audit,
              eventId: 'kubernetes-apply',
              actionId: 'carepath:kubernetes:apply',
              user: ctx.user,
              entityRef: input.entityRef,
              // Objects by name only: manifests may carry Secret data.
              input: {
                clusters: clusterNames,
                path: input.path,
                force: input.force,
                objects: applied,
              },
              isDryRun: ctx.isDryRun,
              taskId: ctx.task.id,
            },
            async () => {
              for (const cluster of clusterNames) {
                await applyTo(cluster);
              }
              return { applied, clusters: clusterNames };
            },
          );
          ctx.output('applied', applied);
          ctx.output('clusters', clusterNames);

          async function applyTo(cluster: string) {
            const connection = options.clusters.get(cluster);
            for (const { object } of sourced) {
              const digest = createHash('sha256')
                .update(JSON.stringify(object))
                .digest('hex')
                .slice(0, 16);
              const apply = async () => {
                await applyObject({
                  connection,
                  object,
                  dryRun: ctx.isDryRun,
                  force: input.force,
                });
                ctx.logger.info(
                  `${ctx.isDryRun ? 'Dry run: ' : ''}Applied ${describeObject(
                    object,
                  )} to cluster ${cluster}${
                    ctx.isDryRun ? ' (dryRun=All, nothing persisted)' : ''
                  }`,
                );
              };
              if (ctx.isDryRun) await apply();
              else
                await ctx.checkpoint({
                  key: `carepath:kubernetes:apply:${cluster}:${describeObject(
                    object,
                  )}:${digest}`,
                  fn: apply,
                });
            }
            if (input.waitForRollout && !ctx.isDryRun) {
              for (const { object } of sourced) {
                if (
                  object.kind !== 'Deployment' &&
                  object.kind !== 'StatefulSet'
                )
                  continue;
                await waitForRollout({
                  connection,
                  kind: object.kind,
                  namespace: object.metadata!.namespace!,
                  name: object.metadata!.name!,
                  timeoutMs: input.waitForRollout.timeoutSeconds * 1000,
                  pollIntervalMs: options.rolloutPollIntervalMs,
                  logger: ctx.logger,
                  signal: ctx.signal,
                });
              }
            }
          }
        },
      );
    },
  });
}
