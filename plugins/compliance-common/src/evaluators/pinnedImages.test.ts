import {
  input,
  judge,
  manifests,
  shippedControls,
} from '../__fixtures__/build';
import { evaluateControl } from '../evaluateControl';

describe('CP-INT-03 pinnedImages', () => {
  it('passes an exact version tag and a digest', () => {
    expect(
      judge('CP-INT-03', manifests('deployment-compliant.yaml')).status,
    ).toBe('pass');
  });

  it('fails :latest', () => {
    const result = judge(
      'CP-INT-03',
      manifests('deployment-latest-image.yaml'),
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'k8s/deployment-latest-image.yaml',
        field: 'spec.template.spec.containers[0].image',
        message:
          'Deployment/fhir-gateway container api image ghcr.io/carepath/fhir-gateway:latest uses :latest',
      }),
    ]);
  });

  it('fails an untagged image', () => {
    const result = judge(
      'CP-INT-03',
      manifests('deployment-untagged-image.yaml'),
    );
    expect(result.violations[0].message).toBe(
      'Deployment/fhir-gateway container api image ghcr.io/carepath/fhir-gateway is untagged (resolves to :latest)',
    );
  });

  it('fails a floating minor tag', () => {
    const result = judge(
      'CP-INT-03',
      manifests('deployment-floating-tag.yaml'),
    );
    expect(result.violations[0].message).toBe(
      'Deployment/fhir-gateway container api image ghcr.io/carepath/fhir-gateway:1.4 uses the floating tag :1.4, not an exact version',
    );
  });

  it('accepts tags matching a control-specific versionTagPattern', () => {
    const [shipped] = shippedControls.controls.filter(
      c => c.id === 'CP-INT-03',
    );
    const control = {
      ...shipped,
      evaluator: {
        name: 'pinnedImages',
        params: { versionTagPattern: '^\\d+\\.\\d+$' },
      },
    };
    const result = evaluateControl(
      control,
      input(manifests('deployment-floating-tag.yaml')),
    );
    expect(result.status).toBe('pass');
  });
});
