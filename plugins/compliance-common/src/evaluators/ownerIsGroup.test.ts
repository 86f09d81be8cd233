import { entity, judge } from '../__fixtures__/build';

describe('CP-CAT-01 ownerIsGroup', () => {
  it('passes an existing group owner', () => {
    const owned = entity('entity-compliant.yaml', {
      ownerExists: true,
      ownerKind: 'Group',
    });
    expect(judge('CP-CAT-01', { entity: owned }).status).toBe('pass');
  });

  it('fails an owner missing from the catalog', () => {
    const orphan = entity('entity-compliant.yaml', { ownerExists: false });
    expect(judge('CP-CAT-01', { entity: orphan }).violations[0].message).toBe(
      'Owner group:default/clinical-records does not exist in the catalog',
    );
  });

  it('fails a person as owner', () => {
    const personal = entity('entity-compliant.yaml', {
      ownerExists: true,
      ownerKind: 'User',
    });
    expect(judge('CP-CAT-01', { entity: personal }).violations[0].message).toBe(
      'Owner group:default/clinical-records is a User, not a Group',
    );
  });

  it('fails an entity without owner', () => {
    const result = judge('CP-CAT-01', {
      entity: entity('entity-no-owner.yaml'),
    });
    expect(result.violations[0]).toMatchObject({
      file: 'catalog-info.yaml',
      field: 'spec.owner',
    });
  });

  it('is not applicable when the owner was not resolved', () => {
    expect(
      judge('CP-CAT-01', { entity: entity('entity-compliant.yaml') }).status,
    ).toBe('not-applicable');
  });
});
