import { entity, shippedControls } from './__fixtures__/build';
import { controlApplies } from './controlApplies';

function control(id: string) {
  const found = shippedControls.controls.find(c => c.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe('controlApplies', () => {
  it('applies PHI-only controls to PHI services', () => {
    expect(
      controlApplies(control('CP-AUD-01'), entity('entity-compliant.yaml')),
    ).toBe(true);
  });

  it('does not apply PHI-only controls to internal services', () => {
    expect(
      controlApplies(
        control('CP-AUD-01'),
        entity('entity-internal-experimental.yaml'),
      ),
    ).toBe(false);
  });

  it('does not apply production-only controls to experimental services', () => {
    expect(
      controlApplies(
        control('CP-CON-03'),
        entity('entity-internal-experimental.yaml'),
      ),
    ).toBe(false);
  });

  it('treats an undeclared lifecycle as production', () => {
    expect(
      controlApplies(control('CP-CON-03'), entity('entity-no-lifecycle.yaml')),
    ).toBe(true);
  });

  it('filters on kind and type', () => {
    const websitesOnly = {
      ...control('CP-CAT-03'),
      appliesTo: {
        dataClassification: [],
        lifecycle: [],
        kind: ['component'],
        type: ['website'],
      },
    };
    expect(controlApplies(websitesOnly, entity('entity-compliant.yaml'))).toBe(
      false,
    );
  });
});
