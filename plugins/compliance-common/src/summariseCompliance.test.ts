import type { ControlResult } from './ControlResult';
import type { ServiceEvaluation } from './ServiceEvaluation';
import { summariseCompliance } from './summariseCompliance';
import { summariseResults } from './summariseResults';

function result(
  controlId: string,
  status: ControlResult['status'],
  severity: ControlResult['severity'] = 'high',
): ControlResult {
  return {
    controlId,
    title: controlId,
    hipaa: ['164.312(c)(1)'],
    severity,
    status,
    observed: {},
    violations: [],
    evaluatedAt: '2026-11-24T09:00:00.000Z',
  };
}

function evaluation(
  entityRef: string,
  results: ControlResult[],
): ServiceEvaluation {
  return {
    entityRef,
    controlsVersion: '2026.11.0',
    evaluatedAt: '2026-11-24T09:00:00.000Z',
    results,
    ...summariseResults(results),
  };
}

describe('summariseCompliance', () => {
  const summary = summariseCompliance({
    controlsVersion: '2026.11.0',
    evaluations: [
      evaluation('component:default/fhir-gateway', [
        result('CP-INT-03', 'fail'),
        result('CP-TX-04', 'exempt', 'medium'),
        result('CP-INT-01', 'pass'),
      ]),
      evaluation('component:default/scheduling-api', [
        result('CP-INT-03', 'fail'),
        result('CP-AUD-01', 'fail', 'critical'),
        result('CP-INT-01', 'pass'),
      ]),
      evaluation('component:default/patient-portal', [
        result('CP-INT-01', 'pass'),
      ]),
    ],
  });

  it('pools the overall score over every judged result', () => {
    expect(summary.overallScore).toBe(3 / 6);
  });

  it('ranks failing controls by failing services, then severity', () => {
    expect(
      summary.failingControls.map(c => [c.controlId, c.failingServices]),
    ).toEqual([
      ['CP-INT-03', 2],
      ['CP-AUD-01', 1],
    ]);
  });

  it('lists services lowest score first', () => {
    expect(summary.services.map(s => [s.entityRef, s.score])).toEqual([
      ['component:default/scheduling-api', 1 / 3],
      ['component:default/fhir-gateway', 1 / 2],
      ['component:default/patient-portal', 1],
    ]);
  });
});
