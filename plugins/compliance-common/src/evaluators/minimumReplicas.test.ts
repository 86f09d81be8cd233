import { judge, manifests } from '../__fixtures__/build';

describe('CP-CON-03 minimumReplicas', () => {
  it('passes a Deployment with 3 replicas', () => {
    expect(
      judge('CP-CON-03', manifests('deployment-compliant.yaml')).status,
    ).toBe('pass');
  });

  it('fails a single-replica Deployment', () => {
    const result = judge(
      'CP-CON-03',
      manifests('deployment-single-replica.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'k8s/deployment-single-replica.yaml',
        field: 'spec.replicas',
        message: 'Deployment/fhir-gateway runs 1 replica(s)',
      }),
    ]);
  });

  it('fails a Deployment that leaves replicas at the default', () => {
    expect(
      judge('CP-CON-03', manifests('deployment-replicas-unset.yaml')).status,
    ).toBe('fail');
  });

  it('judges the HPA minReplicas when an HPA targets the Deployment', () => {
    const result = judge(
      'CP-CON-03',
      manifests('deployment-compliant.yaml', 'hpa-min-one.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'k8s/hpa-min-one.yaml',
        field: 'spec.minReplicas',
      }),
    ]);
  });

  it('is not applicable to CronJobs', () => {
    expect(judge('CP-CON-03', manifests('cronjob-compliant.yaml')).status).toBe(
      'not-applicable',
    );
  });
});
