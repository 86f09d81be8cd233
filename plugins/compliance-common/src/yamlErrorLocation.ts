import type { YAMLError } from 'yaml';

/**
 * `line 13, column 4: Sequence item without - indicator`, from the first
 * error of a document parsed with `prettyErrors` (which sets `linePos`).
 * Later errors usually cascade from the first, so only it is reported.
 */
export function yamlErrorLocation(error: YAMLError): string {
  const position = error.linePos?.[0];
  const reason = error.message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '');
  return position
    ? `line ${position.line}, column ${position.col}: ${reason}`
    : reason;
}
