import type {
  AuditorService,
  AuditorServiceEventSeverityLevel,
} from '@backstage/backend-plugin-api';
import type { JsonObject, JsonValue } from '@backstage/config';

/** Input keys whose values are never recorded. */
const secretKey =
  /(password|passphrase|token|secret(?!Name)|key|credential|uri|connection)$/i;

/** Manifests are recorded by kind and name only: they may carry Secret data. */
function summariseManifests(value: JsonValue): JsonValue {
  if (!Array.isArray(value)) return '[redacted]';
  return value.map(doc => {
    const object = (doc ?? {}) as {
      kind?: unknown;
      metadata?: { namespace?: unknown; name?: unknown };
    };
    return [object.kind, object.metadata?.namespace, object.metadata?.name]
      .filter(part => typeof part === 'string')
      .join(' ');
  });
}

/** Strips secret values from action input before it is recorded. */
export function redactInput(input: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'manifests') {
      result[key] = summariseManifests(value as JsonValue);
    } else if (secretKey.test(key)) {
      result[key] = '[redacted]';
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      result[key] = redactInput(value as JsonObject);
    } else {
      result[key] = value as JsonValue;
    }
  }
  return result;
}

/** Errors already recorded as the outcome of an audit event. */
const audited = new WeakSet<Error>();

/** Who ran an action, on what, with which inputs. */
export interface ActionAuditContext {
  auditor: AuditorService;
  /** kebab-case, e.g. `database-provision`. */
  eventId: string;
  severityLevel?: AuditorServiceEventSeverityLevel;
  actionId: string;
  user?: { ref?: string };
  entityRef?: string;
  /** The input as recorded; pass it through {@link redactInput} or summarise it. */
  input: JsonObject;
  isDryRun?: boolean;
  taskId?: string;
}

/**
 * Runs an action's work as one auditor event: who (`ctx.user.ref`), which
 * entity, which inputs (secrets removed) and the outcome.
 */
export async function auditAction<T extends JsonObject | void>(
  context: ActionAuditContext,
  work: () => Promise<T>,
): Promise<T> {
  const event = await context.auditor.createEvent({
    eventId: context.eventId,
    severityLevel: context.severityLevel ?? 'medium',
    meta: {
      actionId: context.actionId,
      actor: context.user?.ref ?? null,
      entityRef: context.entityRef ?? null,
      input: redactInput(context.input),
      dryRun: Boolean(context.isDryRun),
      taskId: context.taskId ?? null,
    },
  });
  try {
    const outcome = await work();
    await event.success(outcome ? { meta: { outcome } } : undefined);
    return outcome;
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    await event.fail({ error: failure });
    audited.add(failure);
    throw error;
  }
}

/**
 * Wraps a whole action handler so that an attempt rejected before its work
 * starts (bad input, unknown cluster, missing config) is audited too, with
 * the raw input (secrets removed). Failures of the work itself are recorded
 * by {@link auditAction} once.
 */
export async function auditRejections(
  context: Pick<ActionAuditContext, 'auditor' | 'eventId' | 'actionId'>,
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
    const failure = error instanceof Error ? error : new Error(String(error));
    if (!audited.has(failure)) {
      const entityRef = ctx.input.entityRef;
      const event = await context.auditor.createEvent({
        eventId: context.eventId,
        severityLevel: 'low',
        meta: {
          actionId: context.actionId,
          actor: ctx.user?.ref ?? null,
          entityRef: typeof entityRef === 'string' ? entityRef : null,
          input: redactInput(ctx.input),
          dryRun: Boolean(ctx.isDryRun),
          taskId: ctx.task.id,
          rejected: true,
        },
      });
      await event.fail({ error: failure });
    }
    throw error;
  }
}
