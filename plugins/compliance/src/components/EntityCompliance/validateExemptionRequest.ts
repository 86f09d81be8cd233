/** The form's problems, by field; empty when the request can be sent. */
export interface ExemptionFormErrors {
  justification?: string;
  expiresOn?: string;
}

const day = 24 * 60 * 60 * 1000;

/**
 * The same rules the backend enforces, checked before sending so the person
 * sees what to fix: a justification of at least 20 characters, and an expiry
 * day after today and at most a year ahead (days are UTC).
 */
export function validateExemptionRequest(options: {
  justification: string;
  /** `YYYY-MM-DD` */
  expiresOn: string;
  now: Date;
}): ExemptionFormErrors {
  const errors: ExemptionFormErrors = {};
  const length = options.justification.trim().length;
  if (length < 20) {
    errors.justification = `Explain why the risk is acceptable in at least 20 characters (${length} so far).`;
  }
  const expires = Date.parse(`${options.expiresOn}T00:00:00.000Z`);
  const today = Date.parse(
    `${options.now.toISOString().slice(0, 10)}T00:00:00.000Z`,
  );
  if (!options.expiresOn || Number.isNaN(expires)) {
    errors.expiresOn = 'Choose the day the exemption ends.';
  } else if (expires <= today) {
    errors.expiresOn = 'The expiry must be in the future.';
  } else if (expires > today + 365 * day) {
    errors.expiresOn = 'Exemptions last at most a year; choose an earlier day.';
  }
  return errors;
}

/** The expiry sent to the backend: the start of the chosen day, UTC. */
export function expiresAtOf(expiresOn: string): string {
  return `${expiresOn}T00:00:00.000Z`;
}
