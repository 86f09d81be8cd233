import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { AuditTrail } from '../audit/AuditTrail';
import type { ExemptionStore } from '../exemptions/ExemptionStore';

const DAY_MS = 24 * 60 * 60 * 1000;

const seedFileSchema = z.strictObject({
  exemptions: z.array(
    z.strictObject({
      /** Stable, so a restart finds the exemption it seeded before. */
      id: z.string().regex(/^demo-[a-z0-9-]+$/, 'must look like demo-<words>'),
      entityRef: z.string().min(1),
      controlId: z.string().min(1),
      justification: z.string().min(1),
      requestedBy: z.string().regex(/^user:/, 'must be a user entity ref'),
      /** Counted from the seeding, so a demo exemption never starts out expired. */
      expiresInDays: z.number().int().positive(),
      decision: z
        .strictObject({
          state: z.enum(['approved', 'rejected']),
          decidedBy: z.string().regex(/^user:/, 'must be a user entity ref'),
          comment: z.string().min(1),
        })
        .optional(),
    }),
  ),
});

/** A demo exemption as the seed file declares it. */
export type DemoExemption = z.infer<
  typeof seedFileSchema
>['exemptions'][number];

/** Reads and validates a seed file; the error names the file and field. */
export async function readDemoExemptions(
  file: string,
): Promise<DemoExemption[]> {
  const parsed = seedFileSchema.safeParse(
    parse(await readFile(resolve(file), 'utf8')),
  );
  if (!parsed.success) {
    throw new InputError(
      `${file}: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data.exemptions;
}

/**
 * Seeds demo exemptions (pending, approved or rejected) on a development
 * installation, so the demo fleet shows exempt results and an officer's
 * queue. Each goes through the same validation, store and audit trail as a
 * request over the API, with the requester and decider from the file and
 * `seeded: true` in the event. Idempotent: an exemption already there is
 * left alone (a decision missing from an interrupted seed is completed).
 */
export async function seedDemoExemptions(options: {
  file: string;
  exemptions: ExemptionStore;
  auditTrail: AuditTrail;
  logger: LoggerService;
  now?: Date;
}): Promise<{ seeded: string[] }> {
  const { file, exemptions, auditTrail, logger } = options;
  if (process.env.NODE_ENV === 'production') {
    logger.warn(
      `Demo exemptions from ${file} are not seeded: NODE_ENV is production`,
    );
    return { seeded: [] };
  }
  const now = options.now ?? new Date();
  const seededFrom = basename(file);
  const seeded: string[] = [];
  for (const demo of await readDemoExemptions(file)) {
    const exists = await exemptions.exists(demo.id);
    if (!exists) {
      await exemptions.request({
        id: demo.id,
        entityRef: demo.entityRef,
        controlId: demo.controlId,
        justification: demo.justification,
        expiresAt: new Date(
          now.getTime() + demo.expiresInDays * DAY_MS,
        ).toISOString(),
        requestedBy: demo.requestedBy,
        now,
        write: (trx, requested) =>
          auditTrail.record({
            trx,
            actor: requested.requestedBy,
            action: 'exemption.requested',
            entityRef: requested.entityRef,
            at: now,
            details: {
              exemptionId: requested.id,
              controlId: requested.controlId,
              justification: requested.justification,
              expiresAt: requested.expiresAt,
              seeded: true,
              seededFrom,
            },
          }),
      });
    }
    const current = await exemptions.get({ id: demo.id, now });
    if (demo.decision && current.state === 'requested') {
      const { state, decidedBy, comment } = demo.decision;
      await exemptions.decide({
        id: demo.id,
        decision: state,
        decidedBy,
        comment,
        now,
        write: (trx, decided) =>
          auditTrail.record({
            trx,
            actor: decidedBy,
            action: `exemption.${state}`,
            entityRef: decided.entityRef,
            at: now,
            details: {
              exemptionId: decided.id,
              controlId: decided.controlId,
              comment,
              seeded: true,
              seededFrom,
            },
          }),
      });
    }
    if (!exists || (demo.decision && current.state === 'requested')) {
      seeded.push(demo.id);
    }
  }
  logger.info(
    seeded.length
      ? `Seeded demo exemptions from ${file}: ${seeded.join(', ')}`
      : `Demo exemptions from ${file} were seeded before; nothing to do`,
  );
  return { seeded };
}
