import type { Entity } from '@backstage/catalog-model';
import type { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

/** The repository's `templates/` folder, found from the package being tested. */
export const templatesDirectory = (() => {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, 'templates', 'all.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No templates/all.yaml above ${process.cwd()}`);
    }
    dir = parent;
  }
  return path.join(dir, 'templates');
})();

/** The repository root (the folder holding `templates/`). */
export const repositoryRoot = path.dirname(templatesDirectory);

/** One template listed by the Location in `templates/all.yaml`. */
export interface TemplateUnderTest {
  name: string;
  /** Absolute path of `template.yaml`. */
  file: string;
  /** Absolute path of the folder holding `template.yaml`. */
  directory: string;
  entity: TemplateEntityV1beta3;
}

/** Reads `templates/all.yaml`. */
export async function readLocation(): Promise<
  Entity & {
    spec: { targets: string[] };
  }
> {
  return parse(
    await readFile(path.join(templatesDirectory, 'all.yaml'), 'utf8'),
  );
}

/** Every template the Location lists, parsed. */
export async function readTemplates(): Promise<TemplateUnderTest[]> {
  const location = await readLocation();
  return Promise.all(
    location.spec.targets.map(async target => {
      const file = path.resolve(templatesDirectory, target);
      const entity = parse(
        await readFile(file, 'utf8'),
      ) as TemplateEntityV1beta3;
      return {
        name: entity.metadata.name,
        file,
        directory: path.dirname(file),
        entity,
      };
    }),
  );
}

/** Every file below `directory`, relative paths with `/`. */
export async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter(entry => entry.isFile())
    .map(entry =>
      path
        .relative(directory, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}

/** A template folder as the dry-run API takes it (`directoryContents`). */
export async function directoryContents(
  directory: string,
): Promise<Array<{ path: string; base64Content: string }>> {
  const files = await listFiles(directory);
  return Promise.all(
    files.map(async file => ({
      path: file,
      base64Content: (await readFile(path.join(directory, file))).toString(
        'base64',
      ),
    })),
  );
}
