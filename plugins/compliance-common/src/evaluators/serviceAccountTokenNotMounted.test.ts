import { judge, manifests } from '../__fixtures__/build';

describe('CP-IAM-02 serviceAccountTokenNotMounted', () => {
  it('passes when the pod disables automount', () => {
    expect(
      judge('CP-IAM-02', manifests('deployment-compliant.yaml')).status,
    ).toBe('pass');
  });

  it('passes when only the ServiceAccount disables automount', () => {
    const observed = manifests(
      'deployment-token-automount.yaml',
      'serviceaccount-compliant.yaml',
    );
    expect(judge('CP-IAM-02', observed).status).toBe('pass');
  });

  it('fails when nothing disables automount (Kubernetes default)', () => {
    const result = judge(
      'CP-IAM-02',
      manifests('deployment-token-automount.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        field: 'spec.template.spec.automountServiceAccountToken',
        message:
          'Deployment/fhir-gateway mounts the ServiceAccount token (Kubernetes default)',
      }),
    ]);
  });

  it('fails when the ServiceAccount enables automount', () => {
    const observed = manifests(
      'deployment-token-automount.yaml',
      'serviceaccount-automount.yaml',
    );
    expect(judge('CP-IAM-02', observed).observed.offending).toEqual([
      expect.objectContaining({ setBy: 'ServiceAccount/fhir-gateway' }),
    ]);
  });
});
