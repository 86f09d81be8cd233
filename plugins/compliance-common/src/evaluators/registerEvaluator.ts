import type { z } from 'zod';
import type { Control } from '../Control';
import type { EvaluationInput } from '../EvaluationInput';
import type { Evaluator, EvaluatorOutcome } from './Evaluator';

/**
 * An evaluator with its params type erased, as held in the registry. Params
 * are validated by `parseControls` and re-parsed (cheaply) on every run.
 *
 * @public
 */
export interface RegisteredEvaluator {
  name: string;
  description: string;
  scope: 'service' | 'platform';
  judgeableFromRepository: boolean;
  params: z.ZodType<unknown>;
  evaluate(context: {
    input: EvaluationInput;
    params: unknown;
    control: Control;
  }): EvaluatorOutcome;
}

export function registerEvaluator<TParams>(
  evaluator: Evaluator<TParams>,
): RegisteredEvaluator {
  return {
    name: evaluator.name,
    description: evaluator.description,
    scope: evaluator.scope,
    judgeableFromRepository: evaluator.judgeableFromRepository,
    params: evaluator.params,
    evaluate: ({ input, params, control }) =>
      evaluator.evaluate({
        input,
        control,
        params: evaluator.params.parse(params ?? {}),
      }),
  };
}
