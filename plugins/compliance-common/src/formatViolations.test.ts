import { formatViolations } from './formatViolations';

describe('formatViolations', () => {
  it('prints control, citation, location and fix for each violation', () => {
    const report = formatViolations([
      {
        controlId: 'CP-INT-03',
        hipaa: ['164.312(c)(1)'],
        severity: 'high',
        file: 'k8s/deployment.yaml',
        field: 'spec.template.spec.containers[0].image',
        message:
          'Deployment/fhir-gateway container api image ghcr.io/carepath/fhir-gateway:latest uses :latest',
        remediation:
          'Pin spec.template.spec.containers[0].image to an exact release tag',
      },
      {
        controlId: 'CP-CAT-03',
        hipaa: ['164.308(a)(1)(ii)(A)'],
        severity: 'low',
        message: 'No lifecycle declared',
        remediation: 'Set spec.lifecycle',
      },
    ]);
    expect(report).toBe(
      [
        '2 compliance violations',
        '',
        'CP-INT-03 (HIPAA 164.312(c)(1), high)',
        '  at:  k8s/deployment.yaml: spec.template.spec.containers[0].image',
        '  why: Deployment/fhir-gateway container api image ghcr.io/carepath/fhir-gateway:latest uses :latest',
        '  fix: Pin spec.template.spec.containers[0].image to an exact release tag',
        '',
        'CP-CAT-03 (HIPAA 164.308(a)(1)(ii)(A), low)',
        '  why: No lifecycle declared',
        '  fix: Set spec.lifecycle',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(formatViolations([])).toBe('No compliance violations');
  });
});
