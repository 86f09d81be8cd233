import type { LabelSelector } from '../KubernetesObservations';

/** Kubernetes label selector semantics; an empty selector selects everything. */
export function labelSelectorMatches(
  selector: LabelSelector,
  labels: Record<string, string>,
): boolean {
  const labelsMatch = Object.entries(selector.matchLabels).every(
    ([key, value]) => labels[key] === value,
  );
  return (
    labelsMatch &&
    selector.matchExpressions.every(expression => {
      const value = labels[expression.key];
      switch (expression.operator) {
        case 'In':
          return value !== undefined && expression.values.includes(value);
        case 'NotIn':
          return value === undefined || !expression.values.includes(value);
        case 'Exists':
          return value !== undefined;
        case 'DoesNotExist':
          return value === undefined;
        default:
          return false;
      }
    })
  );
}
