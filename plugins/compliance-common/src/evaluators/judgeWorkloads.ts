import type { Observed } from '../Observed';
import type { WorkloadObservation } from '../WorkloadObservation';
import type { EvaluatorOutcome, Finding } from './Evaluator';
import { describeWorkload, fileOf, workloadLabel } from './describeWorkload';

/** A finding about a workload, with what was seen. */
export interface WorkloadFinding {
  finding: Omit<Finding, 'file'> & { file?: string };
  observed: Observed;
}

/**
 * Runs a check over every workload. No workloads → `not-applicable`; any
 * finding → `fail`, listing what was seen for each offending item.
 */
export function judgeWorkloads(options: {
  workloads: WorkloadObservation[] | undefined;
  check: (workload: WorkloadObservation) => WorkloadFinding[];
  /** Restricts the check to some workload kinds. */
  kinds?: ReadonlyArray<WorkloadObservation['kind']>;
}): EvaluatorOutcome {
  const { kinds, check } = options;
  const workloads = (options.workloads ?? []).filter(
    w => !kinds || kinds.includes(w.kind),
  );
  if (workloads.length === 0) {
    return {
      status: 'not-applicable',
      observed: {
        reason: kinds
          ? `no ${kinds.join(' or ')} workloads observed`
          : 'no workloads observed',
      },
    };
  }
  const results = workloads.flatMap(workload =>
    check(workload).map(({ finding, observed }) => ({
      finding: { ...finding, file: finding.file ?? fileOf(workload.source) },
      observed: { ...describeWorkload(workload), ...observed },
    })),
  );
  const checked = workloads.map(workloadLabel);
  if (results.length === 0) {
    return { status: 'pass', observed: { workloads: checked } };
  }
  return {
    status: 'fail',
    observed: { workloads: checked, offending: results.map(r => r.observed) },
    findings: results.map(r => r.finding),
  };
}
