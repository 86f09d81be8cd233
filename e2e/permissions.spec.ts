import { APIRequestContext, expect, request, test } from '@playwright/test';

/**
 * The role table, cell by cell, through the running portal's real backend:
 * each demo user signs in, and every deny is a 403 from the API, not a
 * hidden button.
 */
const backend = 'http://localhost:7007';
type Role = 'developer' | 'platform' | 'compliance';
const users: Record<Role, string> = {
  developer: 'dana.developer',
  platform: 'pat.platform',
  compliance: 'carol.compliance',
};
// Dana's team (Clinical Data) owns ehr-sync; Revenue Cycle owns claims-adjudication.
const OWN_SERVICE = 'component:default/ehr-sync';
const OTHER_SERVICE = 'component:default/claims-adjudication';

const api: Partial<Record<Role, APIRequestContext>> = {};

async function signIn(role: Role): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: backend });
  // A freshly started backend may still be starting, or its catalog may not
  // know the demo users yet.
  let token = '';
  await expect
    .poll(
      async () => {
        const response = await anonymous
          .get('/api/auth/carepath-demo/refresh', {
            headers: { 'x-carepath-demo-user': users[role] },
          })
          .catch(() => undefined);
        if (response?.status() === 200) {
          token = (await response.json()).backstageIdentity.token;
        }
        return response?.status();
      },
      { timeout: 120_000, intervals: [1_000] },
    )
    .toBe(200);
  await anonymous.dispose();
  return request.newContext({
    baseURL: backend,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
}

function as(role: Role): APIRequestContext {
  const context = api[role];
  if (!context) throw new Error(`${role} is not signed in`);
  return context;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  for (const role of Object.keys(users) as Role[]) {
    api[role] = await signIn(role);
  }
  // Wait until the catalog has the demo services, then evaluate once so that
  // compliance results exist.
  await expect
    .poll(
      async () => {
        const res = await as('platform').get(
          '/api/catalog/entities?filter=kind=component,spec.type=service&fields=metadata.name',
        );
        return res.ok() ? (await res.json()).length : 0;
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(11);
  const evaluation = await as('platform').post('/api/compliance/evaluate');
  expect(evaluation.status(), await evaluation.text()).toBe(201);
});

test.afterAll(async () => {
  for (const context of Object.values(api)) await context?.dispose();
});

test('everyone reads the catalog and fleet health', async () => {
  for (const role of Object.keys(users) as Role[]) {
    const catalog = await as(role).get(
      '/api/catalog/entities?filter=kind=component&fields=metadata.name',
    );
    expect(catalog.status(), role).toBe(200);
    expect((await catalog.json()).length, role).toBeGreaterThan(0);
    const fleet = await as(role).get('/api/fleet/services');
    expect(fleet.status(), role).toBe(200);
  }
});

test('compliance officers cannot run templates; developers and the platform team can', async () => {
  const body = {
    templateRef: 'template:default/fhir-service',
    values: {},
  };
  const denied = await as('compliance').post('/api/scaffolder/v2/tasks', {
    data: body,
  });
  expect(denied.status()).toBe(403);
  for (const role of ['developer', 'platform'] as const) {
    const decision = await as(role).post('/api/permission/authorize', {
      data: {
        items: [
          {
            id: role,
            permission: {
              type: 'basic',
              name: 'scaffolder.task.create',
              attributes: { action: 'create' },
            },
          },
        ],
      },
    });
    expect((await decision.json()).items[0].result, role).toBe('ALLOW');
  }
});

test('only the platform team may refresh (pick up an edit of) a Template entity', async () => {
  const data = { entityRef: 'template:default/fhir-service' };
  for (const role of ['developer', 'compliance'] as const) {
    const response = await as(role).post('/api/catalog/refresh', { data });
    expect(response.status(), role).toBe(403);
  }
  const platform = await as('platform').post('/api/catalog/refresh', { data });
  expect(platform.status(), await platform.text()).toBe(200);
  // Anyone may refresh a service entity, e.g. after pushing a change to it.
  const service = await as('developer').post('/api/catalog/refresh', {
    data: { entityRef: OWN_SERVICE },
  });
  expect(service.status(), await service.text()).toBe(200);
});

test('only the platform team may unregister a Template entity', async () => {
  const template = await as('platform').get(
    '/api/catalog/entities/by-name/template/default/fhir-service',
  );
  expect(template.status()).toBe(200);
  const uid = (await template.json()).metadata.uid as string;
  for (const role of ['developer', 'compliance'] as const) {
    const response = await as(role).delete(
      `/api/catalog/entities/by-uid/${uid}`,
    );
    expect(response.status(), role).toBe(403);
  }
});

test('compliance results: developers see their own services, the others see all', async () => {
  const all = async (role: Role) => {
    const res = await as(role).get('/api/compliance/results?limit=500');
    expect(res.status(), role).toBe(200);
    return (await res.json()).items as Array<{ entityRef: string }>;
  };
  const developer = (await all('developer')).map(i => i.entityRef);
  expect(developer).toContain(OWN_SERVICE);
  expect(developer).not.toContain(OTHER_SERVICE);
  for (const role of ['platform', 'compliance'] as const) {
    const refs = (await all(role)).map(i => i.entityRef);
    expect(refs, role).toContain(OTHER_SERVICE);
    expect(refs, role).toContain(OWN_SERVICE);
  }
});

test('exports and evidence verification are for the platform team and compliance officers', async () => {
  for (const path of [
    '/api/compliance/export?format=csv',
    '/api/compliance/evidence/verify',
  ]) {
    expect((await as('developer').get(path)).status(), path).toBe(403);
    for (const role of ['platform', 'compliance'] as const) {
      expect((await as(role).get(path)).status(), `${role} ${path}`).toBe(200);
    }
  }
});

test('exemptions: developers request for their services, officers decide', async () => {
  const expiresAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  const requestFor = (role: Role, entityRef: string) =>
    as(role).post('/api/compliance/exemptions', {
      data: {
        entityRef,
        controlId: 'CP-CON-04',
        justification:
          'Single replica during the pilot; the PDB lands with the second replica.',
        expiresAt,
      },
    });

  expect((await requestFor('developer', OTHER_SERVICE)).status()).toBe(403);
  expect((await requestFor('compliance', OWN_SERVICE)).status()).toBe(403);
  const platformRequest = await requestFor('platform', OTHER_SERVICE);
  expect(platformRequest.status(), await platformRequest.text()).toBe(201);
  const own = await requestFor('developer', OWN_SERVICE);
  expect(own.status(), await own.text()).toBe(201);
  const { id } = await own.json();

  for (const role of ['developer', 'platform'] as const) {
    const response = await as(role).post(
      `/api/compliance/exemptions/${id}/approve`,
      { data: { comment: 'Accepted for the pilot.' } },
    );
    expect(response.status(), role).toBe(403);
  }
  const approved = await as('compliance').post(
    `/api/compliance/exemptions/${id}/approve`,
    { data: { comment: 'Accepted for the pilot; review at expiry.' } },
  );
  expect(approved.status(), await approved.text()).toBe(200);
});

test("a developer's day-2 action on another group's service is refused before the action runs", async () => {
  const created = await as('developer').post('/api/scaffolder/v2/tasks', {
    data: {
      templateRef: 'template:default/database-operations',
      values: { service: OTHER_SERVICE, operation: 'backup' },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();
  await expect
    .poll(
      async () =>
        (
          await (
            await as('developer').get(`/api/scaffolder/v2/tasks/${id}`)
          ).json()
        ).status,
      { timeout: 60_000 },
    )
    .toBe('failed');
  const events = (await (
    await as('developer').get(`/api/scaffolder/v2/tasks/${id}/events`)
  ).json()) as Array<{
    body: { stepId?: string; status?: string; message?: string };
  }>;
  const backup = events.filter(e => e.body.stepId === 'backup');
  expect(backup.map(e => e.body.message).join('\n')).toMatch(
    /Unauthorized action: carepath:database:backup/,
  );
  // The action itself never ran: it logged nothing before the refusal.
  expect(
    backup.filter(e => e.body.status === undefined && e.body.message?.trim()),
  ).toEqual([]);
});
