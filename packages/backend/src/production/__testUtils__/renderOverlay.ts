import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
// Installed at the root for the whole repository; not yet declared by this package.
import { parseAllDocuments } from 'yaml';

/** The repository root (this file is packages/backend/src/production/__testUtils__/). */
// eslint-disable-next-line no-restricted-syntax
export const repoRoot = path.resolve(__dirname, '../../../../..');

/** A rendered Kubernetes object, as far as the tests read it. */
export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  [key: string]: unknown;
}

/** An overlay rendered by `kubectl kustomize`: its text and its objects. */
export interface RenderedOverlay {
  text: string;
  objects: RenderedObject[];
}

const run = promisify(execFile);

/** Renders `deploy/kubernetes/overlays/<name>` with `kubectl kustomize`. */
export async function renderOverlay(name: string): Promise<RenderedOverlay> {
  const { stdout } = await run(
    'kubectl',
    ['kustomize', path.join(repoRoot, 'deploy/kubernetes/overlays', name)],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const objects = parseAllDocuments(stdout).map(
    doc => doc.toJS() as RenderedObject,
  );
  return { text: stdout, objects };
}

/** The one object of a kind and name; throws naming it when absent. */
export function objectOf(
  overlay: RenderedOverlay,
  kind: string,
  name: string,
): RenderedObject {
  const found = overlay.objects.find(
    o => o.kind === kind && o.metadata.name === name,
  );
  if (!found) {
    throw new Error(`the render holds no ${kind} ${name}`);
  }
  return found;
}
