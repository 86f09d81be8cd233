import type { PlatformAudit } from '../../audit/PlatformAudit';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import type { PlatformRecordStore } from '../../records/PlatformRecordStore';
import { fields, parseActionInput } from '../inputRules';
import { catalogLifecycleExamples } from './createCatalogLifecycleAction.examples';

/** The lifecycles a service moves through, in order. */
export const lifecycles = [
  'experimental',
  'production',
  'deprecated',
  'decommissioned',
] as const;

const inputShape = {
  entityRef: fields.entityRef,
  lifecycle: (zImpl: typeof z) =>
    zImpl.enum(lifecycles).describe('The lifecycle to move the service to'),
  currentLifecycle: (zImpl: typeof z) =>
    zImpl
      .enum(lifecycles)
      .optional()
      .describe(
        "The catalog's spec.lifecycle today, used when the platform has no record yet",
      ),
};

const outputShape = {
  from: (zImpl: typeof z) =>
    zImpl.string().describe('The lifecycle before ("" when unknown)'),
  lifecycle: (zImpl: typeof z) => zImpl.string().describe('The lifecycle now'),
  changed: (zImpl: typeof z) =>
    zImpl.boolean().describe('Whether a change was recorded'),
};

const inputSchema = z.object({
  entityRef: inputShape.entityRef(z),
  lifecycle: inputShape.lifecycle(z),
  currentLifecycle: inputShape.currentLifecycle(z),
});

/**
 * `carepath:catalog:lifecycle`: records a service's move between
 * lifecycles. The record is the source of truth the catalog overlays onto
 * `spec.lifecycle` (see the README); decommissioned is final.
 *
 * @public
 */
export function createCatalogLifecycleAction(options: {
  records: PlatformRecordStore;
  audit: PlatformAudit;
  now?: () => Date;
}) {
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'carepath:catalog:lifecycle',
    description:
      'Moves a service between lifecycles (experimental, production, deprecated, decommissioned) and records it for the catalog; nothing leaves decommissioned',
    examples: catalogLifecycleExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'catalog-lifecycle',
          actionId: 'carepath:catalog:lifecycle',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          const recorded = (
            await options.records.lifecycleChanges(input.entityRef)
          ).at(-1)?.to;
          const from = recorded ?? input.currentLifecycle;
          if (
            from === 'decommissioned' &&
            input.lifecycle !== 'decommissioned'
          ) {
            throw new InputError(
              `lifecycle: ${input.entityRef} is decommissioned; it cannot move back to ${input.lifecycle} (register a new component instead)`,
            );
          }
          const changed = from !== input.lifecycle;
          await auditAction(
            {
              audit: options.audit,
              eventId: 'catalog-lifecycle',
              actionId: 'carepath:catalog:lifecycle',
              user: ctx.user,
              entityRef: input.entityRef,
              input,
              isDryRun: ctx.isDryRun,
              taskId: ctx.task.id,
            },
            async () => {
              const message = `${input.entityRef}: ${from ?? 'unknown'} -> ${
                input.lifecycle
              }${changed ? '' : ' (unchanged)'}`;
              if (ctx.isDryRun) {
                ctx.logger.info(`Dry run: would record ${message}`);
                return;
              }
              if (changed) {
                await ctx.checkpoint({
                  key: `carepath:catalog:lifecycle:${input.entityRef}:${input.lifecycle}`,
                  fn: async () => {
                    await options.records.recordLifecycleChange({
                      entityRef: input.entityRef,
                      from,
                      to: input.lifecycle,
                      changedAt: now().toISOString(),
                      changedBy: ctx.user?.ref,
                    });
                  },
                });
              }
              ctx.logger.info(`Recorded ${message}`);
            },
          );
          ctx.output('from', from ?? '');
          ctx.output('lifecycle', input.lifecycle);
          ctx.output('changed', changed);
        },
      );
    },
  });
}
