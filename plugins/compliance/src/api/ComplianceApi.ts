import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AuditEvent,
  AuditEventQuery,
  ChainVerification,
  ComplianceSummary,
  Control,
  ControlResult,
  Exemption,
  ExemptionState,
  HistoryPoint,
  PartialSource,
  ResultsQuery,
  UnavailableSource,
} from '@carepath/plugin-compliance-common';

export type {
  AuditEvent,
  AuditEventQuery,
  ChainVerification,
  PartialSource,
  UnavailableSource,
};

/**
 * One evaluation run, as the results routes describe it.
 *
 * @public
 */
export interface EvaluationInfo {
  id: string;
  /** ISO 8601 */
  evaluatedAt: string;
  controlsVersion: string;
  trigger: 'schedule' | 'manual' | 'exemption';
  unavailableSources: UnavailableSource[];
  /** Absent from evaluations stored before partial sources were recorded. */
  partialSources?: PartialSource[];
}

/**
 * One service as evaluated in the evaluation in force.
 *
 * @public
 */
export interface ServiceCompliance {
  entityRef: string;
  owner?: string;
  system?: string;
  dataClassification: string;
  score: number | null;
  passed: number;
  failed: number;
  exempt: number;
  results: ControlResult[];
}

/**
 * `GET /results`: `evaluation` and `summary` are `null` before the first run.
 *
 * @public
 */
export interface ComplianceResults {
  evaluation: EvaluationInfo | null;
  summary: ComplianceSummary | null;
  items: ServiceCompliance[];
  total: number;
}

/**
 * `GET /results/:kind/:namespace/:name`.
 *
 * @public
 */
export interface EntityComplianceResults extends ServiceCompliance {
  evaluation: EvaluationInfo;
}

/**
 * The controls in force (`GET /controls`).
 *
 * @public
 */
export interface ControlsInForce {
  controlsVersion: string;
  source: string;
  controls: Control[];
}

/**
 * `POST /exemptions`.
 *
 * @public
 */
export interface ExemptionRequest {
  entityRef: string;
  controlId: string;
  justification: string;
  /** ISO 8601, in the future and at most a year ahead. */
  expiresAt: string;
}

/**
 * Filters of `GET /exemptions`.
 *
 * @public
 */
export interface ExemptionsQuery {
  state?: ExemptionState;
  entityRef?: string;
}

/**
 * `GET /history`: fleet-wide and per-service points, one per evaluation.
 *
 * @public
 */
export interface ComplianceHistory {
  overall: HistoryPoint[];
  services: HistoryPoint[];
}

/**
 * `GET /evidence/verify`.
 *
 * @public
 */
export interface EvidenceVerification {
  ok: boolean;
  evidence: ChainVerification;
  auditTrail: ChainVerification;
}

/**
 * A downloaded attachment.
 *
 * @public
 */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/**
 * Client for the compliance backend (`/api/compliance`).
 *
 * @public
 */
export interface ComplianceApi {
  getControls(): Promise<ControlsInForce>;
  getResults(query?: ResultsQuery): Promise<ComplianceResults>;
  /** Resolves `undefined` when the entity was not evaluated (404). */
  getEntityResults(
    entityRef: string,
  ): Promise<EntityComplianceResults | undefined>;
  evaluate(): Promise<EvaluationInfo>;
  getExemptions(query?: ExemptionsQuery): Promise<Exemption[]>;
  requestExemption(request: ExemptionRequest): Promise<Exemption>;
  decideExemption(options: {
    id: string;
    decision: 'approve' | 'reject';
    comment: string;
  }): Promise<Exemption>;
  getHistory(query?: {
    from?: string;
    to?: string;
    entityRef?: string;
  }): Promise<ComplianceHistory>;
  exportResults(options: {
    format: 'csv' | 'json';
    at?: string;
  }): Promise<DownloadedFile>;
  verifyEvidence(): Promise<EvidenceVerification>;
  getAuditEvents(query?: AuditEventQuery): Promise<AuditEvent[]>;
  exportAuditEvents(query?: AuditEventQuery): Promise<DownloadedFile>;
}

/**
 * The {@link ComplianceApi} reference.
 *
 * @public
 */
export const complianceApiRef = createApiRef<ComplianceApi>({
  id: 'plugin.compliance',
});
