import type {
  AuditorService,
  AuditorServiceEventSeverityLevel,
} from '@backstage/backend-plugin-api';
import type { JsonObject, JsonValue } from '@backstage/config';

/** Input keys whose values are never recorded. */
const secretKey =
  /(password|passphrase|token|secret(?!Name)|key|credential|uri|connection)$/i;

/** Strips secret values from action input before it is recorded. */
export function redactInput(input: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(input)) {
    if (secretKey.test(key)) {
      result[key] = '[redacted]';
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      result[key] = redactInput(value as JsonObject);
    } else {
      result[key] = value as JsonValue;
    }
  }
  return result;
}

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
    await event.fail({
      error: error instanceof Error ? error : new Error(String(error)),
    });
    throw error;
  }
}
