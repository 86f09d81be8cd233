import type { ControlResult } from './ControlResult';
import type { ControlSet } from './ControlSet';
import type { WorkloadObservation } from './WorkloadObservation';
import { evaluateControl } from './evaluateControl';
import { builtInEvaluators } from './evaluators/builtInEvaluators';

/**
 * The platform-level evaluation: findings attributed to the platform team
 * rather than to a service.
 *
 * @public
 */
export interface PlatformEvaluation {
  controlsVersion: string;
  /** ISO 8601 */
  evaluatedAt: string;
  results: ControlResult[];
}

/**
 * Runs the platform-scoped controls (e.g. `CP-PLT-01`, unregistered
 * workloads) over platform-wide observations.
 *
 * @public
 */
export function evaluatePlatform(
  input: { unregisteredWorkloads: WorkloadObservation[]; now: Date },
  controlSet: ControlSet,
): PlatformEvaluation {
  return {
    controlsVersion: controlSet.controlsVersion,
    evaluatedAt: input.now.toISOString(),
    results: controlSet.controls
      .filter(
        control =>
          builtInEvaluators.get(control.evaluator.name)?.scope === 'platform',
      )
      .map(control => evaluateControl(control, input)),
  };
}
