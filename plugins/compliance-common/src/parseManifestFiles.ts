import { parseAllDocuments } from 'yaml';
import { yamlErrorLocation } from './yamlErrorLocation';

/**
 * A manifest file's path and its parsed documents (empty documents dropped).
 *
 * @public
 */
export interface ParsedManifestFile {
  path: string;
  docs: unknown[];
}

/**
 * Parses multi-document YAML files.
 *
 * @throws Error naming the file, line and column of the first syntax error,
 *   e.g. `deploy/k8s/deployment.yaml: line 12, column 3: ...`.
 * @public
 */
export function parseManifestFiles(
  files: Array<{ path: string; text: string }>,
): ParsedManifestFile[] {
  return files.map(({ path, text }) => {
    const documents = parseAllDocuments(text);
    const list = Array.isArray(documents) ? documents : [];
    for (const document of list) {
      if (document.errors.length > 0) {
        throw new Error(`${path}: ${yamlErrorLocation(document.errors[0])}`);
      }
    }
    return {
      path,
      docs: list
        .map(document => document.toJS() as unknown)
        .filter(doc => doc !== null && doc !== undefined),
    };
  });
}
