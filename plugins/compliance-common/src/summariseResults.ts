import type { ControlResult, ControlStatus } from './ControlResult';
import type { Violation } from './Violation';
import { complianceScore } from './complianceScore';

/** Counts, score and open violations of a list of results. */
export function summariseResults(results: ControlResult[]): {
  score: number | null;
  counts: Record<ControlStatus, number>;
  violations: Violation[];
} {
  const counts: Record<ControlStatus, number> = {
    pass: 0,
    fail: 0,
    exempt: 0,
    'not-applicable': 0,
  };
  for (const result of results) {
    counts[result.status] += 1;
  }
  return {
    score: complianceScore(results),
    counts,
    violations: results
      .filter(r => r.status === 'fail')
      .flatMap(r => r.violations),
  };
}
