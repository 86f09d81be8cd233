import { ConfigReader } from '@backstage/config';
import { readComplianceConfig } from './readComplianceConfig';

describe('readComplianceConfig', () => {
  it('defaults to six years of retention and a 15 minute schedule', () => {
    expect(readComplianceConfig(new ConfigReader({}))).toMatchObject({
      retentionDays: 2190,
      schedule: { frequency: { minutes: 15 } },
      controlsReloadMinutes: 5,
    });
  });

  it('refuses a retention under six years and says why', () => {
    expect(() =>
      readComplianceConfig(
        new ConfigReader({ compliance: { evidence: { retentionDays: 365 } } }),
      ),
    ).toThrow(/164\.316\(b\)\(2\)\(i\).*allowShortRetention/s);
  });

  it('allows a short retention when explicitly allowed', () => {
    const config = new ConfigReader({
      compliance: {
        evidence: { retentionDays: 30, allowShortRetention: true },
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
      },
    });
    expect(readComplianceConfig(config)).toMatchObject({
      retentionDays: 30,
      schedule: { frequency: { minutes: 5 } },
    });
  });
});
