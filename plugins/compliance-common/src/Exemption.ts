/**
 * Lifecycle of an exemption request.
 *
 * @public
 */
export type ExemptionState = 'requested' | 'approved' | 'rejected' | 'expired';

/**
 * A time-boxed, approved acceptance of a control failure for one entity.
 * Only `approved` exemptions whose `expiresAt` is after the evaluation time
 * turn a `fail` into `exempt`.
 *
 * @public
 */
export interface Exemption {
  id: string;
  /** e.g. `component:default/fhir-gateway` */
  entityRef: string;
  controlId: string;
  justification: string;
  requestedBy: string;
  /** ISO 8601 */
  requestedAt: string;
  /** ISO 8601; required: there are no open-ended exemptions. */
  expiresAt: string;
  state: ExemptionState;
  decidedBy?: string;
  decidedAt?: string;
  decisionComment?: string;
}
