import type { Observed } from './Observed';
import type { Violation } from './Violation';

/**
 * Outcome of one control for one service.
 *
 * - `pass` / `fail`: judged from observed inputs.
 * - `exempt`: failed, but an approved, unexpired exemption covers it.
 * - `not-applicable`: the inputs needed to judge it are absent (never a silent pass).
 *
 * @public
 */
export type ControlStatus = 'pass' | 'fail' | 'exempt' | 'not-applicable';

/**
 * The exemption that turned a failure into `exempt`.
 *
 * @public
 */
export interface AppliedExemption {
  id: string;
  justification: string;
  decidedBy?: string;
  expiresAt: string;
}

/**
 * Result of evaluating one control.
 *
 * @public
 */
export interface ControlResult {
  controlId: string;
  title: string;
  hipaa: string[];
  severity: Violation['severity'];
  status: ControlStatus;
  /** What the evaluator saw; small and JSON-serialisable. */
  observed: Observed;
  /** Present on `fail`, and kept on `exempt` so the accepted risk stays visible. */
  violations: Violation[];
  /** ISO 8601. */
  evaluatedAt: string;
  exemption?: AppliedExemption;
}
