import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleCarepath } from './module';

describe('scaffolderModuleCarepath', () => {
  it('registers the actions and serves platform records to authenticated callers only', async () => {
    const actions: TemplateAction[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          {
            addActions: (...added: TemplateAction[]) => actions.push(...added),
          },
        ],
      ],
      features: [
        scaffolderModuleCarepath,
        mockServices.rootConfig.factory({
          data: {
            carepath: {
              databases: {
                servers: [
                  {
                    name: 'main',
                    connection:
                      'postgresql://admin:unused@127.0.0.1:1/postgres',
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    try {
      expect(actions.map(a => a.id).sort()).toEqual([
        'carepath:catalog:lifecycle',
        'carepath:compliance:check',
        'carepath:database:backup',
        'carepath:database:decommission',
        'carepath:database:provision',
        'carepath:database:restore',
        'carepath:database:rotate-credentials',
        'carepath:kubernetes:apply',
        'carepath:kubernetes:scale',
      ]);
      expect(
        actions.every(a => a.supportsDryRun && (a.examples ?? []).length > 0),
      ).toBe(true);
      const url = `http://localhost:${backend.server.port()}/api/scaffolder/carepath/platform-records`;
      const ok = await fetch(`${url}?entityRef=component:default/patient-api`, {
        headers: { authorization: mockCredentials.user.header() },
      });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ databases: [] });
      const service = await fetch(
        `${url}?entityRef=component:default/patient-api`,
        { headers: { authorization: mockCredentials.service.header() } },
      );
      expect(service.status).toBe(200);
      const anonymous = await fetch(
        `${url}?entityRef=component:default/patient-api`,
        { headers: { authorization: mockCredentials.none.header() } },
      );
      expect(anonymous.status).toBe(401);
      const missing = await fetch(url, {
        headers: { authorization: mockCredentials.user.header() },
      });
      expect(missing.status).toBe(400);
      expect((await missing.json()).error.message).toMatch(
        /entityRef query parameter is required/,
      );
      const lifecycle = await fetch(
        `http://localhost:${backend.server.port()}/api/scaffolder/carepath/lifecycle?entityRef=component:default/patient-api`,
        { headers: { authorization: mockCredentials.user.header() } },
      );
      expect(await lifecycle.json()).toEqual({
        entityRef: 'component:default/patient-api',
        lifecycle: null,
        changes: [],
      });
    } finally {
      await backend.stop();
    }
  });
});
