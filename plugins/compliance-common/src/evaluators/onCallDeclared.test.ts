import { entity, judge } from '../__fixtures__/build';

describe('CP-CAT-04 onCallDeclared', () => {
  it('passes an on-call annotation', () => {
    expect(
      judge('CP-CAT-04', { entity: entity('entity-compliant.yaml') }).status,
    ).toBe('pass');
  });

  it('passes on the owner group e-mail resolved by the backend', () => {
    const reachable = entity('entity-no-on-call.yaml', {
      ownerEmail: 'clinical-records@carepath.example',
    });
    expect(judge('CP-CAT-04', { entity: reachable }).status).toBe('pass');
  });

  it('fails with neither annotation nor owner e-mail', () => {
    const result = judge('CP-CAT-04', {
      entity: entity('entity-no-on-call.yaml'),
    });
    expect(result.violations).toEqual([
      expect.objectContaining({
        field: "metadata.annotations['carepath.io/on-call']",
      }),
    ]);
  });
});
