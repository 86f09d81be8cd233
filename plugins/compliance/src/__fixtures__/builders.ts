import { ResponseError } from '@backstage/errors';
import type {
  ComplianceSummary,
  Control,
  ControlResult,
  Exemption,
  HistoryPoint,
} from '@carepath/plugin-compliance-common';
import type {
  AuditEvent,
  ComplianceResults,
  EntityComplianceResults,
  EvaluationInfo,
  ServiceCompliance,
} from '../api/ComplianceApi';

export const evaluatedAt = '2026-11-24T08:00:00.000Z';

export function aControl(overrides: Partial<Control> = {}): Control {
  return {
    id: 'CP-INT-03',
    title: 'Images are pinned',
    hipaa: ['164.312(c)(1)'],
    severity: 'high',
    appliesTo: { dataClassification: [], lifecycle: [], kind: [], type: [] },
    evaluator: { name: 'pinnedImages', params: {} },
    remediation: 'Pin every image to a digest or an exact version tag.',
    link: 'https://runbooks.carepath.example/controls/CP-INT-03',
    ...overrides,
  };
}

export function aControlResult(
  overrides: Partial<ControlResult> = {},
): ControlResult {
  const controlId = overrides.controlId ?? 'CP-INT-03';
  return {
    controlId,
    title: 'Images are pinned',
    hipaa: ['164.312(c)(1)'],
    severity: 'high',
    status: 'pass',
    observed: { workloads: ['Deployment/lab-results'] },
    violations: [],
    evaluatedAt,
    ...overrides,
  };
}

/** A failing result with one violation naming the offending image. */
export function aFailingResult(
  overrides: Partial<ControlResult> = {},
): ControlResult {
  const controlId = overrides.controlId ?? 'CP-INT-03';
  return aControlResult({
    status: 'fail',
    observed: {
      workload: 'Deployment/lab-results',
      image: 'ghcr.io/carepath/lab-results:latest',
    },
    violations: [
      {
        controlId,
        hipaa: ['164.312(c)(1)'],
        severity: 'high',
        message:
          'Deployment/lab-results container api uses ghcr.io/carepath/lab-results:latest',
        remediation: 'Pin the image to a digest.',
      },
    ],
    ...overrides,
  });
}

export function aService(
  overrides: Partial<ServiceCompliance> = {},
): ServiceCompliance {
  const results = overrides.results ?? [aControlResult()];
  const count = (status: ControlResult['status']) =>
    results.filter(r => r.status === status).length;
  const passed = count('pass');
  const failed = count('fail');
  return {
    entityRef: 'component:default/lab-results',
    owner: 'group:default/laboratory',
    system: 'system:default/diagnostics',
    dataClassification: 'phi',
    score: passed + failed === 0 ? null : passed / (passed + failed),
    passed,
    failed,
    exempt: count('exempt'),
    results,
    ...overrides,
  };
}

export function anEvaluation(
  overrides: Partial<EvaluationInfo> = {},
): EvaluationInfo {
  return {
    id: 'eval-42',
    evaluatedAt,
    controlsVersion: '2026.11.0',
    trigger: 'schedule',
    unavailableSources: [],
    ...overrides,
  };
}

export function aSummary(
  overrides: Partial<ComplianceSummary> = {},
): ComplianceSummary {
  return {
    controlsVersion: '2026.11.0',
    overallScore: 0.5,
    failingControls: [],
    services: [],
    ...overrides,
  };
}

export function someResults(
  items: ServiceCompliance[],
  overrides: Partial<ComplianceResults> = {},
): ComplianceResults {
  return {
    evaluation: anEvaluation(),
    summary: aSummary(),
    items,
    total: items.length,
    ...overrides,
  };
}

export const noEvaluationYet: ComplianceResults = {
  evaluation: null,
  summary: null,
  items: [],
  total: 0,
};

export function anEntityResult(
  service: ServiceCompliance,
): EntityComplianceResults {
  return { evaluation: anEvaluation(), ...service };
}

export function anExemption(overrides: Partial<Exemption> = {}): Exemption {
  return {
    id: 'ex-1',
    entityRef: 'component:default/lab-results',
    controlId: 'CP-TX-04',
    justification: 'Vendor appliance needs a LoadBalancer until March.',
    requestedBy: 'user:default/dana.dev',
    requestedAt: '2026-11-20T10:00:00.000Z',
    expiresAt: '2027-03-01T00:00:00.000Z',
    state: 'requested',
    ...overrides,
  };
}

export function aHistoryPoint(at: string, score: number | null): HistoryPoint {
  return { at, score, passed: 0, failed: 0, exempt: 0 };
}

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    seq: 7,
    at: '2026-11-24T09:00:00.000Z',
    actor: 'user:default/olga.officer',
    action: 'exemption.approved',
    entityRef: 'component:default/lab-results',
    details: { exemptionId: 'ex-1' },
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
    ...overrides,
  };
}

/** What the backend answers when a permission is denied. */
export async function aForbiddenError(): Promise<Error> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}
