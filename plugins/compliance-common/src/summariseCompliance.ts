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
 * Builds the fleet summary one service at a time, so a large evaluation
 * need not keep every service's results until the end.
 *
 * @public
 */
export class ComplianceSummaryBuilder {
  readonly #controlsVersion: string;
  readonly #byControl = new Map<string, ControlFailureCount>();
  readonly #services: ComplianceSummary['services'] = [];
  #passed = 0;
  #failed = 0;

  constructor(options: { controlsVersion: string }) {
    this.#controlsVersion = options.controlsVersion;
  }

  add(evaluation: ServiceEvaluation): void {
    for (const result of evaluation.results) {
      if (result.status === 'pass') {
        this.#passed += 1;
      } else if (result.status === 'fail' || result.status === 'exempt') {
        if (result.status === 'fail') {
          this.#failed += 1;
        }
        countFailure(this.#byControl, result);
      }
    }
    if (evaluation.entityRef) {
      this.#services.push({
        entityRef: evaluation.entityRef,
        score: evaluation.score,
        failed: evaluation.counts.fail,
        exempt: evaluation.counts.exempt,
      });
    }
  }

  build(): ComplianceSummary {
    const passed = this.#passed;
    const failed = this.#failed;
    return {
      controlsVersion: this.#controlsVersion,
      // As complianceScore computes it from the same counts.
      overallScore: passed + failed === 0 ? null : passed / (passed + failed),
      failingControls: [...this.#byControl.values()]
        .filter(c => c.failingServices > 0)
        .sort(
          (a, b) =>
            b.failingServices - a.failingServices ||
            SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
            a.controlId.localeCompare(b.controlId),
        ),
      services: [...this.#services].sort(
        (a, b) =>
          (a.score ?? Infinity) - (b.score ?? Infinity) ||
          byLocale.compare(a.entityRef, b.entityRef),
      ),
    };
  }
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
  const builder = new ComplianceSummaryBuilder({
    controlsVersion: options.controlsVersion,
  });
  for (const evaluation of options.evaluations) {
    builder.add(evaluation);
  }
  return builder.build();
}
