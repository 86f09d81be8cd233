import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { AuditTrailWriter } from './ComplianceAuditTrail';

/**
 * Where platform actions are audited: Backstage's auditor service and the
 * compliance plugin's durable, hash-chained audit trail.
 */
export interface PlatformAudit {
  auditor: AuditorService;
  trail: AuditTrailWriter;
  /** Where an outcome the trail could not take is reported. */
  logger: LoggerService;
  /** Waits before each retry of an outcome record; default 0.5 s and 2 s. */
  retryDelaysMs?: number[];
}
