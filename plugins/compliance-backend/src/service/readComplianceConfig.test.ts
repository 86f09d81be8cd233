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

describe('readComplianceConfig under carepath.compliance', () => {
  it('reads carepath.compliance over the top-level compliance block', () => {
    const config = new ConfigReader({
      compliance: { schedule: { frequency: { minutes: 15 } } },
      carepath: {
        compliance: {
          startupWaitSeconds: 30,
          demo: { exemptionsFile: '../../examples/compliance-exemptions.yaml' },
          schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
        },
      },
    });
    expect(readComplianceConfig(config)).toMatchObject({
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
      startupWaitSeconds: 30,
      templateAuditMinutes: 2,
      demoExemptionsFile: '../../examples/compliance-exemptions.yaml',
    });
  });

  it('refuses a wait that is not a positive number', () => {
    expect(() =>
      readComplianceConfig(
        new ConfigReader({
          carepath: { compliance: { startupWaitSeconds: 0 } },
        }),
      ),
    ).toThrow('carepath.compliance.startupWaitSeconds must be a positive');
  });
});
