import { validateExemptionRequest } from './validateExemptionRequest';

const now = new Date('2026-11-24T15:00:00.000Z');
const justification = 'Vendor appliance needs a LoadBalancer until March.';

describe('validateExemptionRequest', () => {
  it('accepts a justified request ending within a year', () => {
    expect(
      validateExemptionRequest({ justification, expiresOn: '2027-11-24', now }),
    ).toEqual({});
  });

  it('asks for at least 20 characters of justification', () => {
    expect(
      validateExemptionRequest({
        justification: ' too short ',
        expiresOn: '2027-01-01',
        now,
      }).justification,
    ).toBe(
      'Explain why the risk is acceptable in at least 20 characters (9 so far).',
    );
  });

  it.each([
    ['', 'Choose the day the exemption ends.'],
    ['2026-11-24', 'The expiry must be in the future.'],
    ['2027-11-25', 'Exemptions last at most a year; choose an earlier day.'],
  ])('refuses the expiry %p', (expiresOn, message) => {
    expect(
      validateExemptionRequest({ justification, expiresOn, now }).expiresOn,
    ).toBe(message);
  });
});
