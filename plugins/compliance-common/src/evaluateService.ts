import { stringifyEntityRef } from '@backstage/catalog-model';
import type { ControlResult } from './ControlResult';
import type { ControlSet } from './ControlSet';
import type { EvaluationInput } from './EvaluationInput';
import type { Exemption } from './Exemption';
import type { ServiceEvaluation } from './ServiceEvaluation';
import { activeExemption } from './activeExemption';
import { controlApplies } from './controlApplies';
import { evaluateControl } from './evaluateControl';
import { builtInEvaluators } from './evaluators/builtInEvaluators';
import { summariseResults } from './summariseResults';

/**
 * Evaluates one service against every applicable service-scoped control.
 * A failed control covered by an approved exemption that expires after
 * `input.now` becomes `exempt` (its violations are kept on the result but
 * leave `violations`); expired exemptions stop counting.
 *
 * @public
 */
export function evaluateService(
  input: EvaluationInput,
  controlSet: ControlSet,
  options: { exemptions?: Exemption[] } = {},
): ServiceEvaluation {
  const exemptions = options.exemptions ?? [];
  const entityRef = input.entity
    ? stringifyEntityRef({
        kind: input.entity.kind,
        namespace: input.entity.metadata.namespace,
        name: input.entity.metadata.name,
      })
    : undefined;
  const results = controlSet.controls
    .filter(
      control =>
        builtInEvaluators.get(control.evaluator.name)?.scope === 'service' &&
        controlApplies(control, input.entity),
    )
    .map((control): ControlResult => {
      const result = evaluateControl(control, input);
      if (result.status !== 'fail' || !entityRef) {
        return result;
      }
      const exemption = activeExemption({
        exemptions,
        entityRef,
        controlId: control.id,
        now: input.now,
      });
      if (!exemption) {
        return result;
      }
      return {
        ...result,
        status: 'exempt',
        exemption: {
          id: exemption.id,
          justification: exemption.justification,
          ...(exemption.decidedBy ? { decidedBy: exemption.decidedBy } : {}),
          expiresAt: exemption.expiresAt,
        },
      };
    });
  return {
    ...(entityRef ? { entityRef } : {}),
    controlsVersion: controlSet.controlsVersion,
    evaluatedAt: input.now.toISOString(),
    results,
    ...summariseResults(results),
  };
}
