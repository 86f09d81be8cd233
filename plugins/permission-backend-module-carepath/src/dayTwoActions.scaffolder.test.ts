import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
  type BackstageUserPrincipal,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
// The plugins whose requests this policy decides, composed as in the
// portal's backend (test-only workspace dependencies).
import scaffolderModuleCarepath, {
  ownedServiceActionIds,
} from '@carepath/plugin-scaffolder-backend-module-carepath';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import compliancePlugin from '@carepath/plugin-compliance-backend';
import { DAY_TWO_ACTION_IDS } from './carePathDecision';
import { permissionModuleCarepath } from './module';

jest.setTimeout(60_000);

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});
const template = (name: string, steps: object[]): Entity => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/platform-team',
    parameters: [
      {
        properties: { entityRef: { type: 'string' } },
        required: ['entityRef'],
      },
    ],
    steps,
  },
});
const entities: Entity[] = [
  component('patient-intake', 'group:default/clinical-data'),
  component('claims-adjudication', 'group:default/revenue-cycle'),
  template('deprecate-service', [
    {
      id: 'lifecycle',
      name: 'Record the lifecycle',
      action: 'carepath:catalog:lifecycle',
      input: {
        entityRef: '${{ parameters.entityRef }}',
        lifecycle: 'deprecated',
        currentLifecycle: 'production',
      },
    },
    {
      id: 'log',
      name: 'Say it is done',
      action: 'debug:log',
      input: { message: 'deprecated ${{ parameters.entityRef }}' },
    },
  ]),
  template('service-database', [
    {
      id: 'provision',
      name: 'Provision the database',
      action: 'carepath:database:provision',
      input: {
        entityRef: '${{ parameters.entityRef }}',
        owner: 'group:default/clinical-data',
        name: 'claims',
        dataClassification: 'internal',
        cluster: 'staging',
        namespace: 'claims',
      },
    },
  ]),
];

const developer = 'user:default/dana.developer';
const memberships: Record<string, string[]> = {
  [developer]: [developer, 'group:default/clinical-data'],
};

/** Sign-in's part: a person's ownership refs are them and their groups. */
const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: BackstageCredentials) {
      const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
      return {
        userEntityRef,
        ownershipEntityRefs: memberships[userEntityRef] ?? [userEntityRef],
      };
    },
  }),
});

/**
 * The permission backend's part: every user request goes to the policy the
 * permission module installed, with the person's ownership refs; service
 * principals are trusted, as Backstage's own permissions client does.
 */
function policyPermissions(policy: () => PermissionPolicy) {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: { userInfo: coreServices.userInfo },
    factory({ userInfo: users }): PermissionsService {
      const decide = async (
        permission: Parameters<PermissionPolicy['handle']>[0]['permission'],
        credentials: Parameters<
          PermissionsService['authorize']
        >[1]['credentials'],
      ): Promise<PolicyDecision> => {
        if ((credentials.principal as { type: string }).type !== 'user')
          return { result: AuthorizeResult.ALLOW };
        return policy().handle(
          { permission },
          { credentials, info: await users.getUserInfo(credentials) },
        );
      };
      return {
        authorizeConditional: (requests, { credentials }) =>
          Promise.all(requests.map(r => decide(r.permission, credentials))),
        authorize: (requests, { credentials }) =>
          Promise.all(
            requests.map(async r => {
              const decision = await decide(r.permission, credentials);
              if (decision.result === AuthorizeResult.CONDITIONAL) {
                throw new Error(
                  `${r.permission.name}: a conditional decision is resolved by the plugin that owns the resource`,
                );
              }
              return decision;
            }),
          ) as ReturnType<PermissionsService['authorize']>,
      } as PermissionsService;
    },
  });
}

let baseUrl: string;
beforeAll(async () => {
  let policy: PermissionPolicy | undefined;
  const backend = await startTestBackend({
    extensionPoints: [
      [
        policyExtensionPoint,
        { setPolicy: (p: PermissionPolicy) => (policy = p) },
      ],
    ],
    features: [
      scaffolderPlugin,
      scaffolderModuleCarepath,
      compliancePlugin,
      permissionModuleCarepath,
      catalogServiceMock.factory({ entities }),
      userInfo,
      policyPermissions(() => policy!),
      mockServices.rootConfig.factory({
        data: {
          carepath: {
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

async function runTask(templateName: string, entityRef: string) {
  const headers = {
    authorization: mockCredentials.user.header(developer),
    'content-type': 'application/json',
  };
  const created = await fetch(`${baseUrl}/scaffolder/v2/tasks`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      templateRef: `template:default/${templateName}`,
      values: { entityRef },
    }),
  });
  expect(created.status).toBe(201);
  const { id } = await created.json();
  for (let i = 0; i < 200; i++) {
    const task = await (
      await fetch(`${baseUrl}/scaffolder/v2/tasks/${id}`, { headers })
    ).json();
    if (task.status === 'completed' || task.status === 'failed') {
      const events: Array<{
        body: { message?: string; stepId?: string; status?: string };
      }> = await (
        await fetch(`${baseUrl}/scaffolder/v2/tasks/${id}/events`, { headers })
      ).json();
      return { status: task.status as string, events: events.map(e => e.body) };
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`task ${id} did not finish`);
}

const service = { authorization: mockCredentials.service.header() };
const lifecycleOf = async (entityRef: string) =>
  (
    await fetch(
      `${baseUrl}/scaffolder/carepath/lifecycle?entityRef=${entityRef}`,
      { headers: service },
    )
  ).json();
const trailFor = async (entityRef: string) =>
  (
    await (
      await fetch(`${baseUrl}/compliance/audit-events?entityRef=${entityRef}`, {
        headers: service,
      })
    ).json()
  ).items as Array<{ action: string; actor: string }>;
/** Each step the scaffolder began, with the last status it reported. */
const stepStatuses = (events: Array<{ stepId?: string; status?: string }>) =>
  Object.fromEntries(
    events.filter(e => e.stepId && e.status).map(e => [e.stepId, e.status]),
  );

describe("a developer's day-2 task through the scaffolder", () => {
  it("is refused on another group's service before any step runs", async () => {
    const entityRef = 'component:default/claims-adjudication';
    const task = await runTask('deprecate-service', entityRef);
    expect(task.status).toBe('failed');
    expect(task.events.map(e => e.message).join('\n')).toMatch(
      /Unauthorized action: carepath:catalog:lifecycle\. The action is not allowed/,
    );
    // The refused step never reached its handler, and the next never began.
    expect(stepStatuses(task.events)).toEqual({
      lifecycle: 'failed',
      log: 'skipped',
    });
    expect(await lifecycleOf(entityRef)).toMatchObject({ changes: [] });
    expect(await trailFor(entityRef)).toEqual([]);
  });

  it('runs on a service their group owns, recorded in the audit trail', async () => {
    const entityRef = 'component:default/patient-intake';
    const task = await runTask('deprecate-service', entityRef);
    expect(task.status).toBe('completed');
    expect(stepStatuses(task.events)).toEqual({
      lifecycle: 'completed',
      log: 'completed',
    });
    expect(await lifecycleOf(entityRef)).toMatchObject({
      lifecycle: 'deprecated',
    });
    expect((await trailFor(entityRef)).map(e => [e.action, e.actor])).toEqual([
      ['scaffolder.action.started', developer],
      ['scaffolder.action.succeeded', developer],
    ]);
  });

  it("cannot provision a database for another group's service by naming their own group as owner", async () => {
    const entityRef = 'component:default/claims-adjudication';
    const task = await runTask('service-database', entityRef);
    expect(task.status).toBe('failed');
    expect(task.events.map(e => e.message).join('\n')).toMatch(
      /owner: component:default\/claims-adjudication is owned by group:default\/revenue-cycle in the catalog, not group:default\/clinical-data/,
    );
    expect(await trailFor(entityRef)).toEqual([
      expect.objectContaining({ action: 'scaffolder.action.rejected' }),
    ]);
  });

  it('decides on exactly the actions the actions module documents as owned-service actions', () => {
    expect([...DAY_TWO_ACTION_IDS].sort()).toEqual(
      [...ownedServiceActionIds].sort(),
    );
  });
});
