import {
  configMap,
  namespace,
  SimulatorFixture,
  startSimulatorFixture,
} from './__testUtils__/simulatorFixture';
import { defaultTokens } from './Authorizer';

const json = { 'Content-Type': 'application/json' };

describe('Authorizer', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture({
      tokens: [
        ...defaultTokens,
        {
          token: 'team-a-token',
          user: 'team-a',
          role: { namespaces: ['team-a'] },
        },
      ],
    });
    f.cluster.apply(namespace('team-a'));
    f.cluster.apply(namespace('team-b'));
  });
  afterAll(() => f.stop());

  it('answers 401 without a token or with an unknown one', async () => {
    for (const token of [null, 'nope']) {
      const res = await f.request('/api/v1/namespaces', { token });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        kind: 'Status',
        reason: 'Unauthorized',
        code: 401,
      });
    }
    // Health and version stay public, as on a real API server.
    expect((await f.request('/version', { token: null })).status).toBe(200);
    expect((await f.request('/readyz', { token: null })).status).toBe(200);
  });

  it('lets the read-only token read but not write', async () => {
    const token = 'carepath-embedded-readonly';
    expect(
      (await f.request('/api/v1/namespaces/default/configmaps', { token }))
        .status,
    ).toBe(200);
    const res = await f.request('/api/v1/namespaces/default/configmaps', {
      token,
      method: 'POST',
      headers: json,
      body: JSON.stringify(configMap('x')),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toBe(
      'configmaps is forbidden: User "carepath-readonly" cannot create resource "configmaps" in API group "" in the namespace "default"',
    );
    const kubectl = await f.kubectl(['delete', 'namespace', 'team-b'], {
      token: 'readonly',
    });
    expect(kubectl.code).not.toBe(0);
    expect(kubectl.stderr).toContain(
      'Error from server (Forbidden): namespaces "team-b" is forbidden: User "carepath-readonly" cannot delete resource "namespaces"',
    );
    const get = await f.kubectl(['get', 'namespaces', '-o', 'name'], {
      token: 'readonly',
    });
    expect(get.stdout).toContain('namespace/team-b');
  });

  it('confines a namespace-restricted token to its namespaces', async () => {
    const token = 'team-a-token';
    const inside = await f.request('/api/v1/namespaces/team-a/configmaps', {
      token,
      method: 'POST',
      headers: json,
      body: JSON.stringify(configMap('mine', { namespace: 'team-a' })),
    });
    expect(inside.status).toBe(201);
    expect(
      (await f.request('/api/v1/namespaces/team-b/configmaps', { token }))
        .status,
    ).toBe(403);
    expect((await f.request('/api/v1/configmaps', { token })).status).toBe(403);
    const clusterWrite = await f.request('/api/v1/namespaces', {
      token,
      method: 'POST',
      headers: json,
      body: JSON.stringify(namespace('team-c')),
    });
    expect(clusterWrite.status).toBe(403);
    expect((await f.request('/api/v1/namespaces', { token })).status).toBe(200);
  });

  it('answers kubectl auth can-i from the same model', async () => {
    expect(
      (await f.kubectl(['auth', 'can-i', 'create', 'pods'])).stdout.trim(),
    ).toBe('yes');
    const whoami = await f.kubectl(
      ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'],
      { token: 'readonly' },
    );
    expect(whoami.stdout).toBe('carepath-readonly');
    const readonly = await f.kubectl(
      ['auth', 'can-i', 'create', 'pods', '-n', 'team-a'],
      { token: 'readonly' },
    );
    expect(readonly.stdout.trim()).toMatch(/^no/);
    expect(
      (
        await f.kubectl(['auth', 'can-i', 'list', 'pods'], {
          token: 'readonly',
        })
      ).stdout.trim(),
    ).toBe('yes');
  });
});
