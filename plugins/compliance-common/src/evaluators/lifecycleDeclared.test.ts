import { entity, judge } from '../__fixtures__/build';

describe('CP-CAT-03 lifecycleDeclared', () => {
  it('passes a declared lifecycle', () => {
    expect(
      judge('CP-CAT-03', { entity: entity('entity-compliant.yaml') }).status,
    ).toBe('pass');
  });

  it('fails a missing lifecycle', () => {
    const result = judge('CP-CAT-03', {
      entity: entity('entity-no-lifecycle.yaml'),
    });
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'catalog-info.yaml',
        field: 'spec.lifecycle',
      }),
    ]);
  });
});
