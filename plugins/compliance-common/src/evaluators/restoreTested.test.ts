import { databaseRecord, judge } from '../__fixtures__/build';

describe('CP-CON-02 restoreTested', () => {
  it('passes a restore tested within 90 days', () => {
    const result = judge('CP-CON-02', {
      platformRecords: { databases: [databaseRecord()] },
    });
    expect(result.status).toBe('pass');
  });

  it('fails a restore last tested too long ago', () => {
    const old = databaseRecord({ lastRestoreTestAt: '2026-05-01T10:00:00Z' });
    const result = judge('CP-CON-02', {
      platformRecords: { databases: [old] },
    });
    expect(result.violations.map(v => v.message)).toEqual([
      'Database fhir-store restore was last tested 206 days ago (allowed: 90)',
    ]);
  });

  it('fails a database whose restore was never tested', () => {
    const never = databaseRecord({ lastRestoreTestAt: undefined });
    const result = judge('CP-CON-02', {
      platformRecords: { databases: [never] },
    });
    expect(result.violations[0].message).toBe(
      'Database fhir-store has no recorded restore test',
    );
  });

  it('accepts a newer restore test from the audit trail', () => {
    const old = databaseRecord({ lastRestoreTestAt: '2026-05-01T10:00:00Z' });
    const result = judge('CP-CON-02', {
      platformRecords: { databases: [old] },
      audit: {
        restoreTests: { 'fhir-store': '2026-11-02T10:00:00Z' },
        credentialRotations: {},
      },
    });
    expect(result.status).toBe('pass');
  });
});
