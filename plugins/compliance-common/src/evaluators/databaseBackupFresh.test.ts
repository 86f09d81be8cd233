import { databaseRecord, judge } from '../__fixtures__/build';

describe('CP-CON-01 databaseBackupFresh', () => {
  it('passes a PHI database backed up within policy', () => {
    const result = judge('CP-CON-01', {
      platformRecords: { databases: [databaseRecord()] },
    });
    expect(result.observed).toEqual({
      databases: [
        {
          database: 'fhir-store',
          lastBackupAt: '2026-11-24T02:00:00.000Z',
          maxAgeHours: 24,
          ageHours: 7,
        },
      ],
    });
  });

  it('fails a PHI database whose last backup is older than its policy', () => {
    const stale = databaseRecord({ lastBackupAt: '2026-11-22T21:00:00Z' });
    const result = judge('CP-CON-01', {
      platformRecords: { databases: [stale] },
    });
    expect(result.violations.map(v => v.message)).toEqual([
      'Database fhir-store last backup is 36h old (policy: 24h)',
    ]);
  });

  it('fails a PHI database without a backup policy', () => {
    const unprotected = databaseRecord({ backupPolicy: undefined });
    const result = judge('CP-CON-01', {
      platformRecords: { databases: [unprotected] },
    });
    expect(result.violations[0].message).toBe(
      'Database fhir-store has no backup policy',
    );
  });

  it('fails a PHI database never backed up', () => {
    const never = databaseRecord({ lastBackupAt: undefined });
    const result = judge('CP-CON-01', {
      platformRecords: { databases: [never] },
    });
    expect(result.violations[0].message).toBe(
      'Database fhir-store has never been backed up',
    );
  });

  it('is not applicable when the service has only non-PHI databases', () => {
    const internal = databaseRecord({
      classification: 'internal',
      lastBackupAt: undefined,
    });
    const result = judge('CP-CON-01', {
      platformRecords: { databases: [internal] },
    });
    expect(result.observed).toEqual({ reason: 'no phi databases provisioned' });
  });

  it('is not applicable without platform records', () => {
    expect(judge('CP-CON-01', {}).status).toBe('not-applicable');
  });
});
