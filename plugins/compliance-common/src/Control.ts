/**
 * How bad a failure of a control is.
 *
 * @public
 */
export type ControlSeverity = 'critical' | 'high' | 'medium' | 'low';

/**
 * Data classifications declared on catalog entities with the
 * `carepath.io/data-classification` annotation.
 *
 * @public
 */
export type DataClassification = 'phi' | 'pii' | 'internal' | 'public';

/**
 * Which services a control applies to. Every list is a filter; an absent or
 * empty list matches everything.
 *
 * @public
 */
export interface ControlAppliesTo {
  /** Data classifications. An undeclared classification is treated as `phi`. */
  dataClassification: DataClassification[];
  /** Entity `spec.lifecycle` values. An undeclared lifecycle is treated as `production`. */
  lifecycle: string[];
  /** Entity kinds, compared case-insensitively (e.g. `Component`). */
  kind: string[];
  /** Entity `spec.type` values (e.g. `service`, `website`). */
  type: string[];
}

/**
 * A reference to a built-in evaluator with its (validated, defaulted) params.
 *
 * @public
 */
export interface ControlEvaluatorRef {
  name: string;
  params: Record<string, unknown>;
}

/**
 * One compliance control, as curated in the controls YAML file.
 *
 * @public
 */
export interface Control {
  /** Stable identifier, e.g. `CP-IAM-01`. */
  id: string;
  title: string;
  /** HIPAA Security Rule citations, e.g. `164.312(a)(1)`. */
  hipaa: string[];
  severity: ControlSeverity;
  appliesTo: ControlAppliesTo;
  evaluator: ControlEvaluatorRef;
  /** How to fix a failure, shown next to every violation. */
  remediation: string;
  /** Where to read more (runbook, policy page). */
  link: string;
}
