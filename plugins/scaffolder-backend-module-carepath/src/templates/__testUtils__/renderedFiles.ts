import { parse, parseAllDocuments } from 'yaml';

/** Files of a rendered repository, by path. */
export type RenderedFiles = Map<string, string>;

/** The dry-run API's `directoryContents` as text files. */
export function renderedFiles(
  contents: Array<{ path: string; base64Content: string }> = [],
): RenderedFiles {
  return new Map(
    contents.map(file => [
      file.path,
      Buffer.from(file.base64Content, 'base64').toString('utf8'),
    ]),
  );
}

/** The rendered `catalog-info.yaml`. */
export function catalogInfo(files: RenderedFiles): {
  metadata: {
    name: string;
    annotations: Record<string, string>;
    labels: Record<string, string>;
  };
  spec: Record<string, string>;
} {
  const text = files.get('catalog-info.yaml');
  if (!text) throw new Error('catalog-info.yaml was not rendered');
  return parse(text);
}

/** YAML files with parse errors, as `path: message`. */
export function yamlErrors(files: RenderedFiles): string[] {
  return [...files]
    .filter(([file]) => /\.ya?ml$/.test(file))
    .flatMap(([file, text]) =>
      parseAllDocuments(text).flatMap(doc =>
        'errors' in doc ? doc.errors.map(e => `${file}: ${e.message}`) : [],
      ),
    );
}

/** The Kubernetes objects under `kubernetes/`, by `Kind/name`. */
export function manifests(files: RenderedFiles): Map<string, any> {
  const objects = new Map<string, any>();
  for (const [file, text] of files) {
    if (!file.startsWith('kubernetes/')) continue;
    for (const doc of parseAllDocuments(text)) {
      const object = doc.toJS();
      if (object) objects.set(`${object.kind}/${object.metadata.name}`, object);
    }
  }
  return objects;
}
