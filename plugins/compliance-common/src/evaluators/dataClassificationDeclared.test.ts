import { entity, judge } from '../__fixtures__/build';

describe('CP-CAT-02 dataClassificationDeclared', () => {
  it('passes a declared classification', () => {
    expect(
      judge('CP-CAT-02', { entity: entity('entity-compliant.yaml') }).status,
    ).toBe('pass');
  });

  it('fails a missing classification', () => {
    const result = judge('CP-CAT-02', {
      entity: entity('entity-no-classification.yaml'),
    });
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'catalog-info.yaml',
        field: "metadata.annotations['carepath.io/data-classification']",
        message:
          'Data classification is not declared (carepath.io/data-classification missing)',
      }),
    ]);
  });

  it('fails an unknown classification', () => {
    const result = judge('CP-CAT-02', {
      entity: entity('entity-invalid-classification.yaml'),
    });
    expect(result.violations[0].message).toBe(
      'Data classification "confidential" is not one of phi, pii, internal, public',
    );
  });
});
