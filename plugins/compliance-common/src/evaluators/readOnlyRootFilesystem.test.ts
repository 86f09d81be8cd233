import { clusterObjects, judge, manifests } from '../__fixtures__/build';

describe('CP-INT-01 readOnlyRootFilesystem', () => {
  it('passes when every container (init included) has a read-only root', () => {
    expect(
      judge('CP-INT-01', manifests('deployment-compliant.yaml')).status,
    ).toBe('pass');
  });

  it('fails a container with a writable root filesystem', () => {
    const result = judge(
      'CP-INT-01',
      manifests('deployment-writable-root.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'k8s/deployment-writable-root.yaml',
        field:
          'spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem',
        message:
          'Deployment/fhir-gateway container api has a writable root filesystem',
      }),
    ]);
  });

  it('reports what it saw in cluster terms for live workloads', () => {
    const result = judge(
      'CP-INT-01',
      clusterObjects('prod-east', 'deployment-writable-root.yaml'),
    );
    expect(result.observed.offending).toEqual([
      {
        workload: 'Deployment/fhir-gateway',
        cluster: 'prod-east',
        namespace: 'fhir-gateway',
        container: 'api',
        readOnlyRootFilesystem: null,
      },
    ]);
  });
});
