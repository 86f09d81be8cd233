/**
 * Isomorphic core of CarePath compliance: the HIPAA-mapped controls model
 * (controls are data, curated in YAML and validated at load), the pure
 * evaluators that judge a service against them, and the result, evidence,
 * exemption and API types shared by the compliance backend and the
 * `carepath:compliance:check` scaffolder action.
 *
 * @packageDocumentation
 */

export type {
  Control,
  ControlAppliesTo,
  ControlEvaluatorRef,
  ControlSeverity,
  DataClassification,
} from './Control';
export type { ControlSet } from './ControlSet';
export { ControlsParseError } from './ControlsParseError';
export { parseControls } from './parseControls';
export {
  hipaaControlsSource,
  hipaaControlsYaml,
} from './controls/hipaaControlsYaml';
export { complianceAnnotations } from './complianceAnnotations';
export { controlApplies, effectiveDataClassification } from './controlApplies';

export type {
  AuditFacts,
  DatabaseRecord,
  EntityObservation,
  EvaluationInput,
  PlatformRecords,
} from './EvaluationInput';
export type { ObservationSource } from './ObservationSource';
export type {
  ContainerObservation,
  WorkloadKind,
  WorkloadObservation,
} from './WorkloadObservation';
export type {
  HorizontalPodAutoscalerObservation,
  IngressObservation,
  KubernetesObservations,
  LabelSelector,
  NetworkPolicyObservation,
  ObservedObject,
  PodDisruptionBudgetObservation,
  ServiceAccountObservation,
  ServiceObservation,
} from './KubernetesObservations';
export { observeKubernetesObjects } from './observeKubernetesObjects';
export { observeManifests } from './observeManifests';
export { parseManifestFiles } from './parseManifestFiles';
export type { ParsedManifestFile } from './parseManifestFiles';
export { observeEntity } from './observeEntity';

export type {
  Evaluator,
  EvaluatorOutcome,
  Finding,
} from './evaluators/Evaluator';
export type { RegisteredEvaluator } from './evaluators/registerEvaluator';
export { builtInEvaluators } from './evaluators/builtInEvaluators';
export type { Observed, ObservedValue } from './Observed';
export type { Violation } from './Violation';
export type {
  AppliedExemption,
  ControlResult,
  ControlStatus,
} from './ControlResult';
export { evaluateControl } from './evaluateControl';
export { evaluateService } from './evaluateService';
export type { ServiceEvaluation } from './ServiceEvaluation';
export { evaluatePlatform } from './evaluatePlatform';
export type { PlatformEvaluation } from './evaluatePlatform';
export { evaluateManifests } from './evaluateManifests';
export type { ManifestEvaluation } from './evaluateManifests';
export { formatViolations } from './formatViolations';
export { complianceScore } from './complianceScore';

export type { Exemption, ExemptionState } from './Exemption';
export { activeExemption } from './activeExemption';
export type { EvidenceRecord } from './EvidenceRecord';
export { evidenceGenesisHash } from './EvidenceRecord';
export { canonicalEvidencePayload } from './canonicalEvidencePayload';
export { canonicalJson } from './canonicalJson';
export type {
  ComplianceSummary,
  ControlFailureCount,
  ServiceScore,
} from './ComplianceSummary';
export {
  ComplianceSummaryBuilder,
  summariseCompliance,
} from './summariseCompliance';
export type { ResultsQuery } from './ResultsQuery';
export { resultsQuerySchema } from './ResultsQuery';
export type { HistoryPoint } from './HistoryPoint';
export type {
  AuditEvent,
  AuditEventQuery,
  ChainVerification,
} from './auditTrail';
export type { PartialSource, UnavailableSource } from './evaluationSources';
export {
  complianceEvaluatePermission,
  complianceEvidenceVerifyPermission,
  complianceExemptionDecidePermission,
  complianceExemptionRequestPermission,
  complianceExportPermission,
  compliancePermissions,
  complianceResultsReadPermission,
} from './permissions';
