import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffolderModuleCarepath } from '../module';
import {
  normaliseMarkdown,
  ownedServiceActionIds,
  referenceMarkers,
  renderActionReference,
} from './actionReference';

const readme = join(__dirname, '..', '..', 'README.md');

/** Every action the module registers, local publishing included. */
async function registeredActions(): Promise<TemplateAction[]> {
  const directory = await mkdtemp(join(tmpdir(), 'carepath-repos-'));
  const actions: TemplateAction[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        { addActions: (...added: TemplateAction[]) => actions.push(...added) },
      ],
    ],
    features: [
      scaffolderModuleCarepath,
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
          carepath: {
            publishLocal: { directory },
            databases: {
              servers: [
                {
                  name: 'main',
                  connection: 'postgresql://admin:unused@127.0.0.1:1/postgres',
                },
              ],
            },
          },
        },
      }),
    ],
  });
  await backend.stop();
  await rm(directory, { recursive: true, force: true });
  return actions;
}

describe('the README action reference', () => {
  it('matches the registered actions’ schemas (CAREPATH_UPDATE_README=1 rewrites it; then run prettier)', async () => {
    const actions = await registeredActions();
    expect(actions.length).toBeGreaterThanOrEqual(10);
    const rendered = renderActionReference(actions);
    const text = await readFile(readme, 'utf8');
    const start = text.indexOf(referenceMarkers.start);
    const end = text.indexOf(referenceMarkers.end);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const current = text.slice(start, end + referenceMarkers.end.length);
    if (process.env.CAREPATH_UPDATE_README === '1') {
      await writeFile(readme, text.replace(current, rendered));
      return;
    }
    expect(normaliseMarkdown(current)).toBe(normaliseMarkdown(rendered));
  });

  it('names every owned-service action as one the module registers', async () => {
    const ids = (await registeredActions()).map(a => a.id);
    expect(ownedServiceActionIds.filter(id => !ids.includes(id))).toEqual([]);
  });
});

describe('normaliseMarkdown', () => {
  it('ignores table alignment but not content', () => {
    expect(normaliseMarkdown('| a  | b |\n| -- | --- |\n| x\\|y | z |')).toBe(
      normaliseMarkdown('| a | b |\n| --- | --- |\n| x\\|y | z |'),
    );
    expect(normaliseMarkdown('| a | b |')).not.toBe(
      normaliseMarkdown('| a | c |'),
    );
  });
});
