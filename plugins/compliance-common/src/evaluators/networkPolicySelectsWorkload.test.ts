import { clusterObjects, judge, manifests } from '../__fixtures__/build';

describe('CP-TX-02 networkPolicySelectsWorkload', () => {
  it('passes a workload selected by an ingress NetworkPolicy', () => {
    const observed = manifests(
      'deployment-compliant.yaml',
      'networkpolicy-compliant.yaml',
    );
    expect(judge('CP-TX-02', observed).status).toBe('pass');
  });

  it('passes a namespace-wide default-deny policy', () => {
    const observed = manifests(
      'deployment-compliant.yaml',
      'networkpolicy-default-deny.yaml',
    );
    expect(judge('CP-TX-02', observed).status).toBe('pass');
  });

  it('fails when the only policy selects another app', () => {
    const observed = manifests(
      'deployment-compliant.yaml',
      'networkpolicy-other-app.yaml',
    );
    expect(judge('CP-TX-02', observed).violations).toEqual([
      expect.objectContaining({
        file: 'k8s/deployment-compliant.yaml',
        field: 'spec.template.metadata.labels',
        message: 'No NetworkPolicy selects the pods of Deployment/fhir-gateway',
      }),
    ]);
  });

  it('fails when the only matching policy governs egress', () => {
    const observed = manifests(
      'deployment-compliant.yaml',
      'networkpolicy-egress-only.yaml',
    );
    expect(judge('CP-TX-02', observed).status).toBe('fail');
  });

  it('does not count a policy from another cluster', () => {
    const east = clusterObjects('prod-east', 'deployment-compliant.yaml');
    const west = clusterObjects('prod-west', 'networkpolicy-compliant.yaml');
    const result = judge('CP-TX-02', {
      ...east,
      networkPolicies: west.networkPolicies,
    });
    expect(result.status).toBe('fail');
  });
});
