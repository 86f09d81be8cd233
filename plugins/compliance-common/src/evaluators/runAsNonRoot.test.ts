import { judge, manifests } from '../__fixtures__/build';

describe('CP-INT-04 runAsNonRoot', () => {
  it('passes a pod-level runAsNonRoot', () => {
    expect(
      judge('CP-INT-04', manifests('deployment-compliant.yaml')).status,
    ).toBe('pass');
  });

  it('fails a container overriding the pod with runAsNonRoot: false', () => {
    const result = judge(
      'CP-INT-04',
      manifests('deployment-root-container.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        field: 'spec.template.spec.containers[0].securityContext.runAsNonRoot',
        message:
          'Deployment/fhir-gateway container api may run as root (runAsNonRoot: false)',
      }),
    ]);
  });

  it('fails once, on the pod, when neither pod nor containers set it', () => {
    const result = judge(
      'CP-INT-04',
      manifests('deployment-no-run-as-non-root.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        field: 'spec.template.spec.securityContext.runAsNonRoot',
        message:
          'Deployment/fhir-gateway containers migrate, api may run as root (runAsNonRoot not set)',
      }),
    ]);
  });
});
