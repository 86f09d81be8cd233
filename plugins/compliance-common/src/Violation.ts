import type { ControlSeverity } from './Control';

/**
 * One concrete failure of a control, precise enough to fix.
 *
 * @public
 */
export interface Violation {
  controlId: string;
  hipaa: string[];
  severity: ControlSeverity;
  /** The manifest or `catalog-info.yaml` file, when the observation came from a repository. */
  file?: string;
  /** JSON path of the offending field, e.g. `spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem`. */
  field?: string;
  /** What is wrong, naming the object, e.g. `Deployment/fhir-gateway container api ...`. */
  message: string;
  /** How to fix it. */
  remediation: string;
}
