import type { Violation } from './Violation';

/**
 * A readable multi-line report of violations, e.g. for a failed scaffolder
 * step:
 *
 * ```
 * 2 compliance violations
 *
 * CP-INT-03 (HIPAA 164.312(c)(1), high)
 *   at:  k8s/deployment.yaml: spec.template.spec.containers[0].image
 *   why: Deployment/fhir-gateway container api image ghcr.io/carepath/fhir-gateway:latest uses :latest
 *   fix: Pin spec.template.spec.containers[0].image to an exact release tag ...
 * ```
 *
 * @public
 */
export function formatViolations(violations: Violation[]): string {
  if (violations.length === 0) {
    return 'No compliance violations';
  }
  const blocks = violations.map(v => {
    const location = [v.file, v.field].filter(Boolean).join(': ');
    return [
      `${v.controlId} (HIPAA ${v.hipaa.join(', ')}, ${v.severity})`,
      ...(location ? [`  at:  ${location}`] : []),
      `  why: ${v.message}`,
      `  fix: ${v.remediation}`,
    ].join('\n');
  });
  return [
    `${violations.length} compliance violation${
      violations.length === 1 ? '' : 's'
    }`,
    ...blocks,
  ].join('\n\n');
}
