import { parseDocument } from 'yaml';
import type { Control } from './Control';
import type { ControlSet } from './ControlSet';
import { ControlsParseError } from './ControlsParseError';
import { controlsFileSchema } from './controlsFileSchema';
import { describeIssue } from './describeIssue';
import { builtInEvaluators } from './evaluators/builtInEvaluators';
import { yamlErrorLocation } from './yamlErrorLocation';

/**
 * Parses and validates a controls YAML file: the shape of every control,
 * known evaluator names, each evaluator's params, and unique ids. Evaluator
 * params come back with their defaults applied.
 *
 * @throws ControlsParseError listing every problem as `<source>: <field>: <expected>`.
 * @public
 */
export function parseControls(
  text: string,
  options: { source: string },
): ControlSet {
  const { source } = options;
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new ControlsParseError({
      source,
      problems: [yamlErrorLocation(document.errors[0])],
    });
  }
  const parsed = controlsFileSchema.safeParse(document.toJS(), {
    reportInput: true,
  });
  if (!parsed.success) {
    throw new ControlsParseError({
      source,
      problems: parsed.error.issues.map(issue => describeIssue(issue)),
    });
  }

  const problems: string[] = [];
  const firstIndexById = new Map<string, number>();
  const controls: Control[] = parsed.data.controls.map((control, index) => {
    const first = firstIndexById.get(control.id);
    if (first !== undefined) {
      problems.push(
        `controls[${index}].id: duplicate id "${control.id}" (already used by controls[${first}])`,
      );
    } else {
      firstIndexById.set(control.id, index);
    }
    const evaluator = builtInEvaluators.get(control.evaluator.name);
    if (!evaluator) {
      problems.push(
        `controls[${index}].evaluator.name: expected one of ${[
          ...builtInEvaluators.keys(),
        ].join(', ')}, got "${control.evaluator.name}"`,
      );
      return control;
    }
    const params = evaluator.params.safeParse(control.evaluator.params, {
      reportInput: true,
    });
    if (!params.success) {
      problems.push(
        ...params.error.issues.map(issue =>
          describeIssue(issue, ['controls', index, 'evaluator', 'params']),
        ),
      );
      return control;
    }
    return {
      ...control,
      evaluator: {
        name: control.evaluator.name,
        params: params.data as Record<string, unknown>,
      },
    };
  });
  if (problems.length > 0) {
    throw new ControlsParseError({ source, problems });
  }
  return { controlsVersion: parsed.data.controlsVersion, source, controls };
}
