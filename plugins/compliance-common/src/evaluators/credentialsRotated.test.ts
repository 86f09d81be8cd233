import { databaseRecord, judge } from '../__fixtures__/build';

describe('CP-ACC-01 credentialsRotated', () => {
  it('passes credentials rotated within 90 days', () => {
    const result = judge('CP-ACC-01', {
      platformRecords: { databases: [databaseRecord()] },
    });
    expect(result.status).toBe('pass');
  });

  it('fails credentials rotated more than 90 days ago, whatever the classification', () => {
    const stale = databaseRecord({
      name: 'scheduling',
      classification: 'internal',
      lastCredentialRotationAt: '2026-06-01T00:00:00Z',
    });
    const result = judge('CP-ACC-01', {
      platformRecords: { databases: [stale] },
    });
    expect(result.violations.map(v => v.message)).toEqual([
      'Database scheduling credentials were last rotated 176 days ago (allowed: 90)',
    ]);
  });

  it('fails credentials never rotated', () => {
    const never = databaseRecord({ lastCredentialRotationAt: undefined });
    const result = judge('CP-ACC-01', {
      platformRecords: { databases: [never] },
    });
    expect(result.status).toBe('fail');
  });

  it('is not applicable to a service without databases', () => {
    const result = judge('CP-ACC-01', { platformRecords: { databases: [] } });
    expect(result.observed).toEqual({ reason: 'no databases provisioned' });
  });
});
