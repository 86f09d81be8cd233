import type { z } from 'zod';
import type { Control } from '../Control';
import type { EvaluationInput } from '../EvaluationInput';
import type { Observed } from '../Observed';

/**
 * A failure found by an evaluator. The engine adds the control's id, HIPAA
 * citations and severity, and falls back to the control's remediation.
 *
 * @public
 */
export interface Finding {
  message: string;
  file?: string;
  field?: string;
  /** A fix specific to this finding; defaults to the control's remediation. */
  remediation?: string;
}

/**
 * What an evaluator returns.
 *
 * @public
 */
export type EvaluatorOutcome =
  | { status: 'pass'; observed: Observed }
  | { status: 'not-applicable'; observed: Observed }
  | { status: 'fail'; observed: Observed; findings: Finding[] };

/**
 * The evaluator contract: a named, pure function of the evaluation input and
 * the control's params.
 *
 * @public
 */
export interface Evaluator<TParams = Record<string, never>> {
  name: string;
  description: string;
  /** `service` evaluators run per catalog entity; `platform` ones over platform-wide input. */
  scope: 'service' | 'platform';
  /** Whether the scaffolder check can judge it from a rendered repository alone. */
  judgeableFromRepository: boolean;
  /** Validates and defaults the control's `evaluator.params`. */
  params: z.ZodType<TParams>;
  evaluate(context: {
    input: EvaluationInput;
    params: TParams;
    control: Control;
  }): EvaluatorOutcome;
}
