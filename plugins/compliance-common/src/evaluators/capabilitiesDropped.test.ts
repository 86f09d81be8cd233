import { judge, manifests } from '../__fixtures__/build';

describe('CP-INT-05 capabilitiesDropped', () => {
  it('passes drop: [ALL]', () => {
    expect(
      judge('CP-INT-05', manifests('deployment-compliant.yaml')).status,
    ).toBe('pass');
  });

  it('fails an added capability beyond NET_BIND_SERVICE', () => {
    const result = judge(
      'CP-INT-05',
      manifests('deployment-added-capabilities.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        field:
          'spec.template.spec.containers[0].securityContext.capabilities.add',
        message: 'Deployment/fhir-gateway container api adds SYS_ADMIN',
      }),
    ]);
  });

  it('fails a container that does not drop ALL', () => {
    const result = judge(
      'CP-INT-05',
      manifests('deployment-capabilities-kept.yaml'),
    );
    expect(result.violations.map(v => v.field)).toEqual([
      'spec.template.spec.containers[0].securityContext.capabilities.drop',
    ]);
  });
});
