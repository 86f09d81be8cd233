import { StatusError } from './Status';

/** Decodes one URL path segment; malformed escapes answer 400. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw StatusError.badRequest(`malformed URL path segment "${segment}"`);
  }
}
