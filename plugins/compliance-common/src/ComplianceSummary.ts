import type { ControlSeverity } from './Control';

/**
 * How many services fail one control.
 *
 * @public
 */
export interface ControlFailureCount {
  controlId: string;
  title: string;
  hipaa: string[];
  severity: ControlSeverity;
  failingServices: number;
  exemptServices: number;
}

/**
 * One service's score.
 *
 * @public
 */
export interface ServiceScore {
  entityRef: string;
  score: number | null;
  failed: number;
  exempt: number;
}

/**
 * Fleet-wide compliance at a glance.
 *
 * @public
 */
export interface ComplianceSummary {
  controlsVersion: string;
  /** Pooled over every result: all passes / (all passes + all fails); `null` when nothing was judged. */
  overallScore: number | null;
  /** Controls with at least one failing service, most failing first (then severity, then id). */
  failingControls: ControlFailureCount[];
  /** Lowest score first; services with no judged control last. */
  services: ServiceScore[];
}
