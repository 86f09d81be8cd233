import { judge, manifests } from '../__fixtures__/build';

describe('CP-INT-02 noPrivilegeEscalation', () => {
  it('passes containers that forbid privilege escalation', () => {
    expect(
      judge('CP-INT-02', manifests('deployment-compliant.yaml')).status,
    ).toBe('pass');
  });

  it('fails a container that leaves allowPrivilegeEscalation unset', () => {
    const result = judge(
      'CP-INT-02',
      manifests('deployment-privilege-escalation.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        field:
          'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
        message:
          'Deployment/fhir-gateway container api allows privilege escalation',
      }),
    ]);
  });

  it('fails a privileged container', () => {
    const result = judge('CP-INT-02', manifests('deployment-privileged.yaml'));
    expect(result.violations.map(v => v.field)).toEqual([
      'spec.template.spec.containers[0].securityContext.privileged',
    ]);
  });
});
