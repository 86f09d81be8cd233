import type { Control } from './Control';
import type { ControlResult } from './ControlResult';
import type { EvaluationInput } from './EvaluationInput';
import { builtInEvaluators } from './evaluators/builtInEvaluators';

/**
 * Runs one control's evaluator and turns its outcome into a `ControlResult`
 * (no exemptions applied). Violations get the control's id, citations and
 * severity, and its remediation unless the evaluator gave a specific one.
 *
 * @public
 */
export function evaluateControl(
  control: Control,
  input: EvaluationInput,
): ControlResult {
  const evaluator = builtInEvaluators.get(control.evaluator.name);
  if (!evaluator) {
    throw new Error(
      `${control.id}: unknown evaluator "${control.evaluator.name}"`,
    );
  }
  const outcome = evaluator.evaluate({
    input,
    params: control.evaluator.params,
    control,
  });
  return {
    controlId: control.id,
    title: control.title,
    hipaa: control.hipaa,
    severity: control.severity,
    status: outcome.status,
    observed: outcome.observed,
    violations:
      outcome.status === 'fail'
        ? outcome.findings.map(finding => ({
            controlId: control.id,
            hipaa: control.hipaa,
            severity: control.severity,
            ...(finding.file !== undefined ? { file: finding.file } : {}),
            ...(finding.field !== undefined ? { field: finding.field } : {}),
            message: finding.message,
            remediation: finding.remediation ?? control.remediation,
          }))
        : [],
    evaluatedAt: isoText(input.now),
  };
}

// A service's controls are judged at one time: its text is made once.
let lastTime: Date | undefined;
let lastTimeMs = NaN;
let lastIso = '';

function isoText(time: Date): string {
  const ms = time.getTime();
  if (time !== lastTime || ms !== lastTimeMs) {
    lastIso = time.toISOString();
    lastTime = time;
    lastTimeMs = ms;
  }
  return lastIso;
}
