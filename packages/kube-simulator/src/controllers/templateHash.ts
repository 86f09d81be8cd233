const safeAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The pod-template-hash of a pod template: an FNV-1a hash of its JSON,
 * encoded with the alphabet Kubernetes uses for generated names, so it
 * looks like `7d9f8b6c5d`.
 */
export function templateHash(template: unknown): string {
  const text = JSON.stringify(template);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return String(hash)
    .split('')
    .map(ch => safeAlphabet[ch.charCodeAt(0) % safeAlphabet.length])
    .join('');
}
