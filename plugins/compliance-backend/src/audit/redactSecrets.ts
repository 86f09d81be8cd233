// Keys whose values are secrets whatever they hold: password, passwd, pwd,
// passphrase, secret, clientSecret, token, accessToken, apiKey, privateKey,
// connectionString, credentials, authorization, cookie, dsn.
const SECRET_KEY =
  /pass(word|wd|phrase)?$|^pwd$|secret|token|key|connection.?string|credential|authori[sz]ation|cookie|^dsn$/i;

/** Marks where a secret-looking value was. */
export const REDACTED = '[redacted]';

// Values that are credentials whatever key holds them.
const SECRET_VALUES: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^(bearer|basic)\s+\S+/i,
  // JSON Web Tokens
  /^eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*$/,
  // GitHub, GitLab, Slack, AWS, Stripe and OpenAI style tokens
  /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|glpat-[\w-]{20,}|xox[abposr]-[\w-]{10,}|AKIA[0-9A-Z]{16}|[sr]k_(live|test)_\w{16,}|sk-[A-Za-z0-9_-]{20,})\b/,
];

// A password inside a longer text: `user:pass@host` in a URL, or a
// `password=...` pair in a connection string.
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@/\s]+(@)/gi;
const PAIR_SECRET =
  /\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^;&,\s]+)/gi;

function redactText(text: string): string {
  if (SECRET_VALUES.some(pattern => pattern.test(text))) {
    return REDACTED;
  }
  return text
    .replace(URL_PASSWORD, `$1${REDACTED}$2`)
    .replace(PAIR_SECRET, `$1$2${REDACTED}`);
}

/**
 * Copies JSON-like details for the durable audit trail without secrets:
 * a member whose key names a secret is left out, at every depth, and a
 * value that looks like a credential (a private key, a bearer token, a
 * JWT, a provider token, a password inside a URL or connection string)
 * is replaced by `[redacted]` or has its password part replaced.
 *
 * @public
 */
export function redactSecrets(value: unknown): unknown {
  if (typeof value === 'string') {
    return redactText(value);
  }
  if (Array.isArray(value)) {
    return value.map(redactSecrets);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, v]) => [key, redactSecrets(v)]),
    );
  }
  return value;
}
