import type { ControlResult, ControlStatus } from './ControlResult';
import type { Violation } from './Violation';

/**
 * The evaluation of one catalog entity against a control set.
 *
 * @public
 */
export interface ServiceEvaluation {
  /** e.g. `component:default/fhir-gateway`; absent when no entity was given. */
  entityRef?: string;
  controlsVersion: string;
  /** ISO 8601 */
  evaluatedAt: string;
  /** One result per applicable control, in control-file order. */
  results: ControlResult[];
  /** See `complianceScore`; `null` when no control could be judged. */
  score: number | null;
  counts: Record<ControlStatus, number>;
  /** Violations of failed (not exempt) controls. */
  violations: Violation[];
}
