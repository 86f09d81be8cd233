import type { AuditorServiceEventSeverityLevel } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import type { AuditTrailEntry } from './ComplianceAuditTrail';
import type { PlatformAudit } from './PlatformAudit';
import { redactInput } from './redactInput';
import { scrubMessage } from './scrubMessage';

export { redactInput } from './redactInput';

/** The actions platform actions record in the durable audit trail. */
export const trailActions = {
  /** Written before the action changes anything; no record, no run. */
  started: 'scaffolder.action.started',
  succeeded: 'scaffolder.action.succeeded',
  failed: 'scaffolder.action.failed',
  /** Refused before it started: bad input, unknown cluster, missing config. */
  rejected: 'scaffolder.action.rejected',
} as const;

/** Errors already recorded as the outcome of an audit event. */
const audited = new WeakSet<Error>();

/** Who ran an action, on what, with which inputs. */
export interface ActionAuditContext<T> {
  audit: PlatformAudit;
  /** kebab-case, e.g. `database-provision`. */
  eventId: string;
  severityLevel?: AuditorServiceEventSeverityLevel;
  actionId: string;
  user?: { ref?: string };
  entityRef?: string;
  /** The input as recorded; secrets are removed with {@link redactInput}. */
  input: JsonObject;
  isDryRun?: boolean;
  taskId?: string;
  /**
   * Facts the compliance controls read from the trail (e.g.
   * `database.credentials-rotated`), recorded after a successful run.
   */
  facts?: (outcome: T) => Array<Omit<AuditTrailEntry, 'actor' | 'entityRef'>>;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The same error with secrets scrubbed from its message, for the auditor. */
function scrubbed(error: Error, input: JsonObject): Error {
  const copy = new Error(scrubMessage(error.message, input));
  copy.name = error.name;
  return copy;
}

/**
 * Records an outcome in the trail, retrying; the action's effects have
 * happened by now, so a trail that still does not answer is reported in
 * the log (the auditor service has the event) rather than failing the task.
 */
async function recordOutcome(
  audit: PlatformAudit,
  entry: AuditTrailEntry,
): Promise<void> {
  const delays = audit.retryDelaysMs ?? [500, 2000];
  let lastError: Error | undefined;
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (attempt > 0) {
      await new Promise(resolve => setTimeout(resolve, delays[attempt - 1]));
    }
    try {
      await audit.trail.record(entry);
      return;
    } catch (error) {
      lastError = asError(error);
    }
  }
  audit.logger.error(
    `Audit trail: ${entry.action} of ${entry.details.actionId ?? 'an action'}${
      entry.details.taskId ? ` (task ${entry.details.taskId})` : ''
    } was not recorded after ${delays.length + 1} attempts: ${
      lastError?.message
    }; the auditor service holds the event`,
  );
}

/**
 * Runs an action's work audited: one auditor event (who, which entity,
 * inputs with secrets removed, outcome) and, unless it is a dry run, a
 * `started` record in the durable trail before the work and an outcome
 * record after it. When the trail cannot take the `started` record the
 * action is refused with a ServiceUnavailableError and the work never
 * runs. Dry runs change nothing and are not written to the trail.
 */
export async function auditAction<T extends JsonObject | void>(
  context: ActionAuditContext<T>,
  work: () => Promise<T>,
): Promise<T> {
  const { audit } = context;
  const input = redactInput(context.input);
  const event = await audit.auditor.createEvent({
    eventId: context.eventId,
    severityLevel: context.severityLevel ?? 'medium',
    meta: {
      actionId: context.actionId,
      actor: context.user?.ref ?? null,
      entityRef: context.entityRef ?? null,
      input,
      dryRun: Boolean(context.isDryRun),
      taskId: context.taskId ?? null,
    },
  });
  const who = {
    ...(context.user?.ref ? { actor: context.user.ref } : {}),
    ...(context.entityRef ? { entityRef: context.entityRef } : {}),
  };
  const about = {
    actionId: context.actionId,
    ...(context.taskId ? { taskId: context.taskId } : {}),
  };
  let startedSeq: number | undefined;
  if (!context.isDryRun) {
    try {
      ({ seq: startedSeq } = await audit.trail.record({
        action: trailActions.started,
        ...who,
        details: { ...about, input },
      }));
    } catch (error) {
      const refusal = new ServiceUnavailableError(
        `${context.actionId} was not started: ${
          asError(error).message
        }. Every platform action is recorded in the audit trail before it changes anything, so nothing was changed; run the task again once the compliance plugin answers`,
      );
      await event.fail({ error: refusal });
      audited.add(refusal);
      throw refusal;
    }
  }
  let outcome: T;
  try {
    outcome = await work();
  } catch (error) {
    const failure = asError(error);
    const clean = scrubbed(failure, context.input);
    await event.fail({ error: clean });
    if (!context.isDryRun) {
      await recordOutcome(audit, {
        action: trailActions.failed,
        ...who,
        details: {
          ...about,
          startedSeq: startedSeq ?? null,
          error: clean.message,
          errorName: clean.name,
        },
      });
    }
    audited.add(failure);
    throw error;
  }
  await event.success(
    outcome ? { meta: { outcome: redactInput(outcome) } } : undefined,
  );
  if (!context.isDryRun) {
    await recordOutcome(audit, {
      action: trailActions.succeeded,
      ...who,
      details: {
        ...about,
        startedSeq: startedSeq ?? null,
        ...(outcome ? { outcome: redactInput(outcome) } : {}),
      },
    });
    for (const fact of context.facts?.(outcome) ?? []) {
      await recordOutcome(audit, {
        ...fact,
        ...who,
        details: { ...fact.details, ...about },
      });
    }
  }
  return outcome;
}

/**
 * Wraps a whole action handler so that an attempt rejected before its work
 * starts (bad input, unknown cluster, missing config) is audited too, with
 * the raw input (secrets removed): an auditor event and, unless it is a dry
 * run, a `rejected` record in the trail. Failures of the work itself are
 * recorded by {@link auditAction} once.
 */
export async function auditRejections(
  context: { audit: PlatformAudit; eventId: string; actionId: string },
  ctx: {
    input: JsonObject;
    user?: { ref?: string };
    isDryRun?: boolean;
    task: { id: string };
  },
  handler: () => Promise<void>,
): Promise<void> {
  try {
    await handler();
  } catch (error) {
    const failure = asError(error);
    if (!audited.has(failure)) {
      const entityRef =
        typeof ctx.input.entityRef === 'string' ? ctx.input.entityRef : null;
      const input = redactInput(ctx.input);
      const clean = scrubbed(failure, ctx.input);
      const event = await context.audit.auditor.createEvent({
        eventId: context.eventId,
        severityLevel: 'low',
        meta: {
          actionId: context.actionId,
          actor: ctx.user?.ref ?? null,
          entityRef,
          input,
          dryRun: Boolean(ctx.isDryRun),
          taskId: ctx.task.id,
          rejected: true,
        },
      });
      await event.fail({ error: clean });
      if (!ctx.isDryRun) {
        await recordOutcome(context.audit, {
          action: trailActions.rejected,
          ...(ctx.user?.ref ? { actor: ctx.user.ref } : {}),
          ...(entityRef ? { entityRef } : {}),
          details: {
            actionId: context.actionId,
            taskId: ctx.task.id,
            input,
            error: clean.message,
            errorName: clean.name,
          },
        });
      }
    }
    throw error;
  }
}
