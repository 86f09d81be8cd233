import { compliancePermissions } from './permissions';

describe('compliancePermissions', () => {
  it('declares every compliance permission, resource-scoped where it concerns one service', () => {
    expect(
      compliancePermissions.map(p => [
        p.name,
        'resourceType' in p ? p.resourceType : undefined,
      ]),
    ).toEqual([
      ['compliance.results.read', 'catalog-entity'],
      ['compliance.evidence.verify', undefined],
      ['compliance.export', undefined],
      ['compliance.exemption.request', 'catalog-entity'],
      ['compliance.exemption.decide', undefined],
      ['compliance.evaluate', undefined],
    ]);
  });
});
