import { clusterObjects, judge } from '../__fixtures__/build';

describe('CP-PLT-01 unregisteredWorkloads', () => {
  const [stray] = clusterObjects(
    'prod-east',
    'deployment-compliant.yaml',
  ).workloads;

  it('passes when every workload is registered', () => {
    expect(judge('CP-PLT-01', { unregisteredWorkloads: [] }).status).toBe(
      'pass',
    );
  });

  it('fails an unregistered workload, attributed to the platform team', () => {
    const result = judge('CP-PLT-01', { unregisteredWorkloads: [stray] });
    expect(result).toMatchObject({
      status: 'fail',
      observed: { attributedTo: 'group:default/platform-team' },
      violations: [
        {
          message:
            'Deployment/fhir-gateway in prod-east/fhir-gateway is not claimed by any catalog entity',
        },
      ],
    });
  });

  it('ignores system namespaces', () => {
    const system = { ...stray, namespace: 'kube-system' };
    expect(judge('CP-PLT-01', { unregisteredWorkloads: [system] }).status).toBe(
      'pass',
    );
  });

  it('is not applicable without a cluster inventory', () => {
    expect(judge('CP-PLT-01', {}).status).toBe('not-applicable');
  });
});
