import type { ControlSeverity } from './Control';
import type {
  ComplianceSummary,
  ControlFailureCount,
} from './ComplianceSummary';
import type { ServiceEvaluation } from './ServiceEvaluation';
import { complianceScore } from './complianceScore';

const SEVERITY_RANK: Record<ControlSeverity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

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
  for (const result of evaluations.flatMap(e => e.results)) {
    if (result.status !== 'fail' && result.status !== 'exempt') {
      continue;
    }
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
  return {
    controlsVersion: options.controlsVersion,
    overallScore: complianceScore(evaluations.flatMap(e => e.results)),
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
          a.entityRef.localeCompare(b.entityRef),
      ),
  };
}
