/**
 * Catalog entity annotations the controls read.
 *
 * @public
 */
export const complianceAnnotations = {
  /** `phi` | `pii` | `internal` | `public` */
  dataClassification: 'carepath.io/data-classification',
  /** `enabled` when the service writes the PHI access audit log. */
  auditLogging: 'carepath.io/audit-logging',
  /** Who is paged: a rota, alias or group e-mail. */
  onCall: 'carepath.io/on-call',
  /** `true` when the service is reachable from outside the cluster. */
  exposed: 'carepath.io/exposed',
} as const;
