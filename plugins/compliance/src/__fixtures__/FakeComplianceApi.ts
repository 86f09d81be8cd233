import type {
  Exemption,
  ResultsQuery,
} from '@carepath/plugin-compliance-common';
import type {
  AuditEvent,
  AuditEventQuery,
  ComplianceApi,
  ComplianceHistory,
  ComplianceResults,
  ControlsInForce,
  DownloadedFile,
  EntityComplianceResults,
  EvaluationInfo,
  EvidenceVerification,
  ExemptionRequest,
  ExemptionsQuery,
} from '../api/ComplianceApi';
import { anEvaluation, anExemption, noEvaluationYet } from './builders';

type Answer<T> = T | Error | (() => Promise<T>);

async function answer<T>(value: Answer<T>): Promise<T> {
  if (value instanceof Error) throw value;
  if (typeof value === 'function') return (value as () => Promise<T>)();
  return value;
}

/** An in-memory {@link ComplianceApi} for tests that records what it was asked. */
export class FakeComplianceApi implements ComplianceApi {
  controls: Answer<ControlsInForce> = {
    controlsVersion: '2026.11.0',
    source: 'hipaa-controls.yaml',
    controls: [],
  };
  results: Answer<ComplianceResults> = noEvaluationYet;
  entityResults: Record<string, Answer<EntityComplianceResults | undefined>> =
    {};
  evaluation: Answer<EvaluationInfo> = anEvaluation({ trigger: 'manual' });
  exemptions: Answer<Exemption[]> = [];
  history: Answer<ComplianceHistory> = { overall: [], services: [] };
  verification: Answer<EvidenceVerification> = {
    ok: true,
    evidence: { ok: true, checked: 0 },
    auditTrail: { ok: true, checked: 0 },
  };
  auditEvents: Answer<AuditEvent[]> = [];
  file: Answer<DownloadedFile> = {
    blob: new Blob(['entityRef,controlId\n']),
    filename: 'compliance-2026-11-24T08-00-00-000Z.csv',
  };

  readonly resultQueries: ResultsQuery[] = [];
  readonly exemptionQueries: ExemptionsQuery[] = [];
  readonly requests: ExemptionRequest[] = [];
  readonly decisions: { id: string; decision: string; comment: string }[] = [];
  readonly exports: { format: string; at?: string }[] = [];
  readonly auditQueries: AuditEventQuery[] = [];
  evaluations = 0;

  constructor(init: Partial<FakeComplianceApi> = {}) {
    Object.assign(this, init);
  }

  async getControls() {
    return answer(this.controls);
  }

  async getResults(query: ResultsQuery = {}) {
    this.resultQueries.push(query);
    return answer(this.results);
  }

  async getEntityResults(entityRef: string) {
    return answer(this.entityResults[entityRef]);
  }

  async evaluate() {
    this.evaluations += 1;
    return answer(this.evaluation);
  }

  async getExemptions(query: ExemptionsQuery = {}) {
    this.exemptionQueries.push(query);
    return answer(this.exemptions);
  }

  async requestExemption(request: ExemptionRequest) {
    this.requests.push(request);
    const created = anExemption({
      ...request,
      id: `ex-${this.requests.length}`,
    });
    if (Array.isArray(this.exemptions)) {
      this.exemptions = [...this.exemptions, created];
    }
    return created;
  }

  async decideExemption(options: {
    id: string;
    decision: 'approve' | 'reject';
    comment: string;
  }) {
    this.decisions.push(options);
    return anExemption({
      id: options.id,
      state: options.decision === 'approve' ? 'approved' : 'rejected',
      decisionComment: options.comment,
    });
  }

  readonly historyQueries: {
    from?: string;
    to?: string;
    entityRef?: string;
  }[] = [];

  async getHistory(
    query: { from?: string; to?: string; entityRef?: string } = {},
  ) {
    this.historyQueries.push(query);
    return answer(this.history);
  }

  async exportResults(options: { format: 'csv' | 'json'; at?: string }) {
    this.exports.push(options);
    return answer(this.file);
  }

  async verifyEvidence() {
    return answer(this.verification);
  }

  async getAuditEvents(query: AuditEventQuery = {}) {
    this.auditQueries.push(query);
    return answer(this.auditEvents);
  }

  async exportAuditEvents(query: AuditEventQuery = {}) {
    this.auditQueries.push(query);
    return answer(this.file);
  }
}
