/**
 * The CarePath compliance backend: evaluates every catalog service against
 * HIPAA-mapped controls on a schedule and on demand, keeps the results as
 * append-only hash-chained evidence beside a hash-chained audit trail, and
 * serves results, exemptions, history and auditor exports at
 * `/api/compliance`.
 *
 * @packageDocumentation
 */

export { compliancePlugin as default } from './plugin';
export { AuditTrail, evidencePurgedAction } from './audit/AuditTrail';
export type { AuditEvent, AuditEventQuery } from './audit/AuditTrail';
export { redactSecrets } from './audit/redactSecrets';
export { ControlCatalog } from './controls/ControlCatalog';
export { migrateComplianceDatabase } from './database/migrateComplianceDatabase';
export {
  ComplianceEvaluator,
  credentialsRotatedAction,
  restoreTestedAction,
} from './evaluation/ComplianceEvaluator';
export type { ComplianceEvaluatorOptions } from './evaluation/ComplianceEvaluator';
export type {
  ClusterObjects,
  ComplianceSources,
  FleetClusterState,
  SourceAnswer,
} from './evaluation/ComplianceSources';
export { EvaluationStore } from './evaluation/EvaluationStore';
export type {
  EvaluationRecord,
  PartialSource,
  ServiceSnapshot,
  UnavailableSource,
} from './evaluation/EvaluationStore';
export { HttpComplianceSources } from './evaluation/HttpComplianceSources';
export { EvidenceStore, SIX_YEARS_IN_DAYS } from './evidence/EvidenceStore';
export type {
  EvidenceProof,
  NewEvidenceRecord,
} from './evidence/EvidenceStore';
export type { ChainStart, ChainVerification } from './evidence/HashChain';
export { ExemptionStore } from './exemptions/ExemptionStore';
export { readComplianceConfig } from './service/readComplianceConfig';
export type { ComplianceConfig } from './service/readComplianceConfig';
export { catalogModuleCarepathAnnotations } from './catalog/catalogModuleCarepathAnnotations';
export {
  CarepathAnnotationsProcessor,
  knownCarepathAnnotations,
} from './catalog/CarepathAnnotationsProcessor';
