import type { JsonValue } from '@backstage/config';
import { secretInputKey } from './redactInput';

/** The secret strings of an action's input: values under secret keys, and Secret manifests' data. */
function secretValuesIn(value: JsonValue | undefined, found: string[]) {
  if (Array.isArray(value)) {
    value.forEach(item => secretValuesIn(item, found));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const isSecretManifest = value.kind === 'Secret';
  for (const [key, member] of Object.entries(value)) {
    const secretMember =
      secretInputKey.test(key) ||
      (isSecretManifest && (key === 'data' || key === 'stringData'));
    if (secretMember) {
      collectStrings(member, found, key === 'data');
    } else {
      secretValuesIn(member, found);
    }
  }
}

function collectStrings(
  value: JsonValue | undefined,
  found: string[],
  base64: boolean,
) {
  if (typeof value === 'string') {
    found.push(value);
    if (base64) found.push(Buffer.from(value, 'base64').toString('utf8'));
  } else if (Array.isArray(value)) {
    value.forEach(item => collectStrings(item, found, base64));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach(item => collectStrings(item, found, base64));
  }
}

/**
 * An error message fit for the audit trail: every secret value of the
 * action's input, URL credentials and `password=`-style pairs replaced by
 * `[redacted]`. Action errors are written not to carry secrets; this holds
 * even when a library's message does.
 */
export function scrubMessage(message: string, input?: JsonValue): string {
  const secrets: string[] = [];
  secretValuesIn(input, secrets);
  let scrubbed = message;
  for (const secret of secrets
    .filter(s => s.length >= 4)
    .sort((a, b) => b.length - a.length)) {
    scrubbed = scrubbed.split(secret).join('[redacted]');
  }
  return scrubbed
    .replace(/(\w+:\/\/)[^\s/@:]+:[^\s/@]+@/g, '$1[redacted]@')
    .replace(
      /\b(password|passwd|pwd|token|secret|apikey|api_key)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/gi,
      '$1$2[redacted]',
    );
}
