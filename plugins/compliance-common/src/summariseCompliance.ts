import type { ControlSeverity } from './Control';
import type {
  ComplianceSummary,
  ControlFailureCount,
} from './ComplianceSummary';
import type { ServiceEvaluation } from './ServiceEvaluation';
import type { ControlResult } from './ControlResult';

const SEVERITY_RANK: Record<ControlSeverity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

// What `localeCompare` without arguments compares by, made once.
const byLocale = new Intl.Collator();

function countFailure(
  byControl: Map<string, ControlFailureCount>,
  result: ControlResult,
): void {
  const count = byControl.get(result.controlId) ?? {
    controlId: result.controlId,
    title: result.title,
    hipaa: result.hipaa,
    severity: result.severity,
    failingServices: 0,
    exemptServices: 0,
  };
  if (result.status === 'fail') {
    count.failingServices += 1;
  } else {
    count.exemptServices += 1;
  }
  byControl.set(result.controlId, count);
}

/**
 * Builds the fleet summary from the latest evaluation of each service.
 *
 * @public
 */
export function summariseCompliance(options: {
  controlsVersion: string;
  evaluations: ServiceEvaluation[];
}): ComplianceSummary {
  const { evaluations } = options;
  const byControl = new Map<string, ControlFailureCount>();
  // One pass over every result, without copying them into one array.
  let passed = 0;
  let failed = 0;
  for (const evaluation of evaluations) {
    for (const result of evaluation.results) {
      if (result.status === 'pass') {
        passed += 1;
      } else if (result.status === 'fail' || result.status === 'exempt') {
        if (result.status === 'fail') {
          failed += 1;
        }
        countFailure(byControl, result);
      }
    }
  }
  return {
    controlsVersion: options.controlsVersion,
    // As complianceScore computes it from the same counts.
    overallScore: passed + failed === 0 ? null : passed / (passed + failed),
    failingControls: [...byControl.values()]
      .filter(c => c.failingServices > 0)
      .sort(
        (a, b) =>
          b.failingServices - a.failingServices ||
          SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
          a.controlId.localeCompare(b.controlId),
      ),
    services: evaluations
      .filter(e => e.entityRef)
      .map(e => ({
        entityRef: e.entityRef ?? '',
        score: e.score,
        failed: e.counts.fail,
        exempt: e.counts.exempt,
      }))
      .sort(
        (a, b) =>
          (a.score ?? Infinity) - (b.score ?? Infinity) ||
          byLocale.compare(a.entityRef, b.entityRef),
      ),
  };
}
