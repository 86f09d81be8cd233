import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';

export type AuditAction = 'read' | 'create' | 'update';
export type AuditOutcome =
  | 'success'
  | 'denied'
  | 'unauthenticated'
  | 'not-found'
  | 'invalid'
  | 'error';

/**
 * One PHI access event: who, what, which action, when and the outcome.
 * It names resources by type and id only and never carries resource content.
 */
export interface AuditEvent {
  type: 'phi-access';
  id: string;
  at: string;
  service: string;
  subject: string | null;
  clientId: string | null;
  action: AuditAction;
  resourceType: string;
  resourceId: string | null;
  outcome: AuditOutcome;
  requestId: string;
  sourceIp: string | null;
}

export interface AuditLog {
  record(event: Omit<AuditEvent, 'type' | 'id' | 'at' | 'service'>): void;
}

/**
 * Writes audit events as JSON lines to their own stream (stdout by default,
 * while application logs go to stderr), so the platform's log pipeline routes
 * them to the tamper-evident audit store and never mixes them with
 * application logs.
 */
export function createAuditLog(options: {
  stream: Writable;
  service: string;
  now?: () => Date;
}): AuditLog {
  const now = options.now ?? (() => new Date());
  return {
    record(event) {
      const entry: AuditEvent = {
        type: 'phi-access',
        id: randomUUID(),
        at: now().toISOString(),
        service: options.service,
        subject: event.subject,
        clientId: event.clientId,
        action: event.action,
        resourceType: event.resourceType,
        resourceId: event.resourceId,
        outcome: event.outcome,
        requestId: event.requestId,
        sourceIp: event.sourceIp,
      };
      options.stream.write(`${JSON.stringify(entry)}\n`);
    },
  };
}
