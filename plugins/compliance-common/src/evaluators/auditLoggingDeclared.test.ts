import { entity, judge } from '../__fixtures__/build';

describe('CP-AUD-01 auditLoggingDeclared', () => {
  it('passes a PHI service declaring audit logging', () => {
    expect(
      judge('CP-AUD-01', { entity: entity('entity-compliant.yaml') }).status,
    ).toBe('pass');
  });

  it('fails a PHI service without the annotation', () => {
    const result = judge('CP-AUD-01', {
      entity: entity('entity-phi-no-audit.yaml'),
    });
    expect(result.violations).toEqual([
      expect.objectContaining({
        file: 'catalog-info.yaml',
        field: "metadata.annotations['carepath.io/audit-logging']",
        message:
          'Audit logging is not declared (carepath.io/audit-logging missing)',
      }),
    ]);
  });

  it('fails a PHI service declaring anything but enabled', () => {
    const result = judge('CP-AUD-01', {
      entity: entity('entity-phi-audit-disabled.yaml'),
    });
    expect(result.violations[0].message).toBe(
      'Audit logging is declared "planned", not "enabled"',
    );
  });

  it('is not applicable without an entity', () => {
    expect(judge('CP-AUD-01', {}).status).toBe('not-applicable');
  });
});
