import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import { kubernetesErrorMessage } from '../../kubernetes/kubernetesErrors';
import { fields, parseActionInput } from '../inputRules';
import type { KubernetesActionOptions } from './createKubernetesApplyAction';
import { kubernetesScaleExamples } from './createKubernetesScaleAction.examples';

const inputShape = {
  cluster: fields.cluster,
  namespace: fields.namespace,
  kind: (zImpl: typeof z) =>
    zImpl
      .enum(['Deployment', 'StatefulSet'])
      .default('Deployment')
      .describe('Kind of the workload'),
  name: (zImpl: typeof z) =>
    fields.kubernetesName(zImpl, 'Name of the workload'),
  replicas: (zImpl: typeof z) =>
    zImpl
      .number()
      .int()
      .min(0)
      .max(100)
      .describe('Desired replicas; 0 stops the workload (decommission)'),
  entityRef: (zImpl: typeof z) => fields.entityRef(zImpl).optional(),
};

const outputShape = {
  previousReplicas: (zImpl: typeof z) =>
    zImpl.number().describe('Replicas before'),
  replicas: (zImpl: typeof z) => zImpl.number().describe('Replicas now'),
};

const inputSchema = z.object(
  Object.fromEntries(
    Object.entries(inputShape).map(([k, build]) => [k, build(z)]),
  ) as {
    [K in keyof typeof inputShape]: ReturnType<(typeof inputShape)[K]>;
  },
);

/**
 * `carepath:kubernetes:scale`: sets a workload's replicas through the scale
 * subresource.
 *
 * @public
 */
export function createKubernetesScaleAction(options: KubernetesActionOptions) {
  return createTemplateAction({
    id: 'carepath:kubernetes:scale',
    description:
      'Scales a Deployment or StatefulSet through its scale subresource (to zero on decommission)',
    examples: kubernetesScaleExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'kubernetes-scale',
          actionId: 'carepath:kubernetes:scale',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          const connection = options.clusters.get(input.cluster);
          const { apps } = connection;
          const subject = `${input.kind} ${input.namespace}/${input.name}`;
          const target = { name: input.name, namespace: input.namespace };
          const call = async <T>(
            what: string,
            fn: () => Promise<T>,
          ): Promise<T> => {
            try {
              return await fn();
            } catch (error) {
              throw new Error(
                `${what} ${subject} in cluster ${
                  input.cluster
                } failed: ${kubernetesErrorMessage(error, connection)}`,
              );
            }
          };
          const result = await auditAction(
            {
              audit: options.audit,
              eventId: 'kubernetes-scale',
              actionId: 'carepath:kubernetes:scale',
              user: ctx.user,
              entityRef: input.entityRef,
              input,
              isDryRun: ctx.isDryRun,
              taskId: ctx.task.id,
            },
            async () => {
              const scale = async (dryRun?: 'All') => {
                const current = await call('reading the scale of', () =>
                  input.kind === 'Deployment'
                    ? apps.readNamespacedDeploymentScale(target)
                    : apps.readNamespacedStatefulSetScale(target),
                );
                const previousReplicas = current.spec?.replicas ?? 0;
                if (previousReplicas !== input.replicas) {
                  // Unconditional (no resourceVersion): the replica count is absolute,
                  // and controllers update the workload all the time.
                  const body = {
                    apiVersion: 'autoscaling/v1',
                    kind: 'Scale',
                    metadata: target,
                    spec: { replicas: input.replicas },
                  };
                  await call('scaling', () =>
                    input.kind === 'Deployment'
                      ? apps.replaceNamespacedDeploymentScale({
                          ...target,
                          body,
                          dryRun,
                        })
                      : apps.replaceNamespacedStatefulSetScale({
                          ...target,
                          body,
                          dryRun,
                        }),
                  );
                }
                ctx.logger.info(
                  `${dryRun ? 'Dry run: ' : ''}${subject} in cluster ${
                    input.cluster
                  }: ${previousReplicas} -> ${input.replicas} replicas${
                    previousReplicas === input.replicas ? ' (unchanged)' : ''
                  }`,
                );
                return { previousReplicas, replicas: input.replicas };
              };
              if (ctx.isDryRun) return scale('All');
              return ctx.checkpoint({
                key: `carepath:kubernetes:scale:${input.cluster}:${subject}:${input.replicas}`,
                fn: () => scale(),
              });
            },
          );
          ctx.output('previousReplicas', result.previousReplicas);
          ctx.output('replicas', result.replicas);
        },
      );
    },
  });
}
