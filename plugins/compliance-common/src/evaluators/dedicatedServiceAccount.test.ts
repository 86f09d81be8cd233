import { judge, manifests } from '../__fixtures__/build';

describe('CP-IAM-01 dedicatedServiceAccount', () => {
  it('passes a workload with its own ServiceAccount', () => {
    expect(
      judge('CP-IAM-01', manifests('deployment-compliant.yaml')).status,
    ).toBe('pass');
  });

  it('fails a workload running as the default ServiceAccount', () => {
    const result = judge(
      'CP-IAM-01',
      manifests('deployment-default-serviceaccount.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        controlId: 'CP-IAM-01',
        hipaa: ['164.312(a)(1)'],
        file: 'k8s/deployment-default-serviceaccount.yaml',
        field: 'spec.template.spec.serviceAccountName',
        message:
          "Deployment/fhir-gateway runs as the namespace's default ServiceAccount (serviceAccountName not set)",
      }),
    ]);
  });

  it('is not applicable before any workload is observed', () => {
    expect(judge('CP-IAM-01', {})).toMatchObject({
      status: 'not-applicable',
      observed: { reason: 'no workloads observed' },
    });
  });
});
