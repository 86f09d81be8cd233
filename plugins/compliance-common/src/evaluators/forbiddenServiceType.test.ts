import { judge, manifests } from '../__fixtures__/build';

describe('forbiddenServiceType', () => {
  it('CP-TX-03 passes ClusterIP Services', () => {
    expect(judge('CP-TX-03', manifests('service-clusterip.yaml')).status).toBe(
      'pass',
    );
  });

  it('CP-TX-03 fails a NodePort Service', () => {
    const result = judge(
      'CP-TX-03',
      manifests('service-clusterip.yaml', 'service-nodeport.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        controlId: 'CP-TX-03',
        file: 'k8s/service-nodeport.yaml',
        field: 'spec.type',
        message: 'Service/fhir-gateway-debug is of type NodePort',
      }),
    ]);
  });

  it('CP-TX-04 passes ClusterIP Services', () => {
    expect(judge('CP-TX-04', manifests('service-clusterip.yaml')).status).toBe(
      'pass',
    );
  });

  it('CP-TX-04 fails a LoadBalancer Service', () => {
    const result = judge('CP-TX-04', manifests('service-loadbalancer.yaml'));
    expect(result.violations.map(v => v.message)).toEqual([
      'Service/hl7-mllp is of type LoadBalancer',
    ]);
  });

  it('is not applicable without Services', () => {
    expect(
      judge('CP-TX-03', manifests('deployment-compliant.yaml')).status,
    ).toBe('not-applicable');
  });
});
