import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
// The audit trail's owner runs beside the module, as in the portal's backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import compliancePlugin from '@carepath/plugin-compliance-backend';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffolderModuleCarepath } from '../module';
import { catalogModuleCarepathLifecycle } from './catalogModuleCarepathLifecycle';
import { recordedLifecycleAnnotation } from './RecordedLifecycleProcessor';

jest.setTimeout(60_000);

const component = (name: string) =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: group:default/clinical-data',
  ].join('\n');

let directory: string;
let baseUrl: string;
const actions = new Map<string, TemplateAction>();

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'carepath-lifecycle-'));
  const catalogFile = join(directory, 'catalog-info.yaml');
  await writeFile(
    catalogFile,
    [component('referrals'), component('formulary')].join('\n---\n'),
  );
  const backend = await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        {
          addActions: (...added: TemplateAction[]) =>
            added.forEach(a => actions.set(a.id, a)),
        },
      ],
    ],
    features: [
      catalogPlugin,
      catalogModuleCarepathLifecycle,
      scaffolderModuleCarepath,
      compliancePlugin,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [{ type: 'file', target: catalogFile }],
          },
          carepath: {
            lifecycle: { cacheSeconds: 1 },
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
  baseUrl = `http://localhost:${backend.server.port()}/api`;
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function entity(name: string): Promise<Entity | undefined> {
  const response = await fetch(
    `${baseUrl}/catalog/entities/by-name/component/default/${name}`,
    { headers: { authorization: mockCredentials.user.header() } },
  );
  return response.ok ? response.json() : undefined;
}

async function until(
  name: string,
  check: (e: Entity) => boolean,
): Promise<Entity> {
  for (let i = 0; i < 200; i++) {
    const found = await entity(name);
    if (found && check(found)) return found;
    await new Promise(resolve => setTimeout(resolve, 150));
  }
  throw new Error(`${name} never reached the expected state`);
}

async function recordLifecycle(input: JsonObject) {
  const action = actions.get('carepath:catalog:lifecycle')!;
  await action.handler({
    ...createMockActionContext({
      input,
      user: { ref: 'user:default/pat.platform' },
    }),
    checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
  } as unknown as Parameters<typeof action.handler>[0]);
}

describe('catalogModuleCarepathLifecycle', () => {
  it('shows a recorded lifecycle on the entity, as spec.lifecycle and an annotation', async () => {
    await until('referrals', e => e.spec?.lifecycle === 'production');
    await recordLifecycle({
      entityRef: 'component:default/referrals',
      lifecycle: 'deprecated',
      currentLifecycle: 'production',
    });
    const moved = await until(
      'referrals',
      e => e.spec?.lifecycle === 'deprecated',
    );
    expect(moved.metadata.annotations?.[recordedLifecycleAnnotation]).toBe(
      'deprecated',
    );
    const untouched = await entity('formulary');
    expect(untouched?.spec?.lifecycle).toBe('production');
    expect(
      untouched?.metadata.annotations?.[recordedLifecycleAnnotation],
    ).toBeUndefined();
  });
});
