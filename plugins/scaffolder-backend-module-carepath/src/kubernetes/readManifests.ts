import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { parseManifestFiles } from '@carepath/plugin-compliance-common';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ManifestObject } from './applyObjects';

/** A manifest object and where it came from. */
export interface SourcedObject {
  object: ManifestObject;
  /** `file#index` or `manifests[index]`. */
  source: string;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async entry => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(entry.name) ? [path] : [];
    }),
  );
  return files.flat().sort();
}

/** The `*.yaml` files under `path` in the workspace (path traversal refused). */
export async function readWorkspaceFiles(options: {
  workspacePath: string;
  path: string;
}): Promise<Array<{ path: string; text: string }>> {
  let dir: string;
  try {
    dir = resolveSafeChildPath(options.workspacePath, options.path);
  } catch (error) {
    throw new InputError(
      `path: ${options.path} is outside the workspace (${
        error instanceof Error ? error.message : String(error)
      })`,
    );
  }
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      throw new InputError(
        `path: ${options.path} does not exist in the workspace`,
      );
    }
    throw error;
  });
  const files = info.isDirectory() ? await yamlFiles(dir) : [dir];
  return Promise.all(
    files.map(async file => ({
      path: relative(options.workspacePath, file),
      text: await readFile(file, 'utf8'),
    })),
  );
}

function checkObject(doc: unknown, source: string): ManifestObject {
  const object = doc as Partial<ManifestObject> | null;
  const problems: string[] = [];
  if (!object || typeof object !== 'object' || Array.isArray(object)) {
    throw new InputError(`${source}: not a Kubernetes object`);
  }
  if (typeof object.apiVersion !== 'string') problems.push('apiVersion');
  if (typeof object.kind !== 'string') problems.push('kind');
  if (typeof object.metadata?.name !== 'string') problems.push('metadata.name');
  if (problems.length) {
    throw new InputError(`${source}: missing ${problems.join(', ')}`);
  }
  return object as ManifestObject;
}

/** Parses and checks manifests from files (YAML errors name file, line and column). */
export function objectsFromFiles(
  files: Array<{ path: string; text: string }>,
): SourcedObject[] {
  let parsed;
  try {
    parsed = parseManifestFiles(files);
  } catch (error) {
    throw new InputError(
      `manifests: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parsed.flatMap(file =>
    file.docs.map((doc, index) => {
      const source = `${file.path}#${index + 1}`;
      return { object: checkObject(doc, source), source };
    }),
  );
}

/** Checks inline manifests. */
export function objectsFromInput(manifests: unknown[]): SourcedObject[] {
  return manifests.map((doc, index) => {
    const source = `manifests[${index}]`;
    // A copy: defaults such as the namespace must not change the task's input.
    return { object: checkObject(structuredClone(doc), source), source };
  });
}

const applyOrder = [
  'Namespace',
  'CustomResourceDefinition',
  'ServiceAccount',
  'ConfigMap',
  'Secret',
];

/** Namespaces and definitions first, as kubectl apply does; otherwise input order. */
export function inApplyOrder(objects: SourcedObject[]): SourcedObject[] {
  const rank = (o: SourcedObject) => {
    const i = applyOrder.indexOf(o.object.kind ?? '');
    return i === -1 ? applyOrder.length : i;
  };
  return objects
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
    .map(({ o }) => o);
}
