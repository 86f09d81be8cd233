import {
  ApiException,
  PatchStrategy,
  setHeaderOptions,
  V1ConfigMap,
} from '@kubernetes/client-node';
import {
  configMap,
  deployment,
  SimulatorFixture,
  startSimulatorFixture,
} from './__testUtils__/simulatorFixture';

describe('ApiServer', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
    for (let i = 0; i < 7; i++) {
      f.cluster.apply(
        configMap(`cm-${i}`, {
          labels: {
            app: i % 2 ? 'odd' : 'even',
            tier: i < 3 ? 'low' : 'high',
            ...(i === 0 ? { special: 'yes' } : {}),
          },
        }),
      );
    }
  });
  afterAll(() => f.stop());

  it('serves discovery with verbs, short names and subresources', async () => {
    const apps = await (await f.request('/apis/apps/v1')).json();
    const names = apps.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'deployments',
        'deployments/status',
        'deployments/scale',
        'statefulsets/scale',
      ]),
    );
    const deploy = apps.resources.find(
      (r: { name: string }) => r.name === 'deployments',
    );
    expect(deploy).toMatchObject({
      kind: 'Deployment',
      namespaced: true,
      shortNames: ['deploy'],
    });
    expect(deploy.verbs).toContain('watch');
    const groups = await (await f.request('/apis')).json();
    expect(groups.groups.map((g: { name: string }) => g.name)).toEqual(
      expect.arrayContaining([
        'apps',
        'batch',
        'autoscaling',
        'networking.k8s.io',
        'policy',
        'rbac.authorization.k8s.io',
        'apiextensions.k8s.io',
      ]),
    );
    expect(
      (await (await f.request('/version', { token: null })).json()).gitVersion,
    ).toMatch(/^v1\.32/);
  });

  it('creates, reads, updates and deletes with resourceVersion, uid and generation', async () => {
    const created = await f.apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment({ name: 'crud' }) as never,
    });
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.metadata?.generation).toBe(1);
    await f.cluster.settled();
    const live = await f.apps.readNamespacedDeployment({
      name: 'crud',
      namespace: 'default',
    });
    const rv = Number(live.metadata?.resourceVersion);
    live.spec!.replicas = 3;
    const updated = await f.apps.replaceNamespacedDeployment({
      name: 'crud',
      namespace: 'default',
      body: live,
    });
    expect(Number(updated.metadata?.resourceVersion)).toBeGreaterThan(rv);
    expect(updated.metadata?.generation).toBe(2);
    // A stale resourceVersion conflicts.
    const stale = await f.apps
      .replaceNamespacedDeployment({
        name: 'crud',
        namespace: 'default',
        body: live,
      })
      .catch(e => e);
    expect((stale as ApiException<string>).code).toBe(409);
    await f.apps.deleteNamespacedDeployment({
      name: 'crud',
      namespace: 'default',
    });
    const gone = await f.apps
      .readNamespacedDeployment({ name: 'crud', namespace: 'default' })
      .catch(e => e);
    expect((gone as ApiException<string>).code).toBe(404);
  });

  it('pages lists with limit and continue', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await f.core.listNamespacedConfigMap({
        namespace: 'default',
        limit: 3,
        _continue: token,
        labelSelector: 'app',
      });
      seen.push(...page.items.map(i => i.metadata!.name!));
      token = page.metadata?._continue;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual([
      'cm-0',
      'cm-1',
      'cm-2',
      'cm-3',
      'cm-4',
      'cm-5',
      'cm-6',
    ]);
  });

  it('pages kubectl get with --chunk-size', async () => {
    const result = await f.kubectl([
      'get',
      'configmaps',
      '-l',
      'app',
      '--chunk-size=3',
      '-o',
      'name',
      '-v=6',
    ]);
    expect(result.stdout.trim().split('\n')).toEqual(
      ['cm-0', 'cm-1', 'cm-2', 'cm-3', 'cm-4', 'cm-5', 'cm-6'].map(
        n => `configmap/${n}`,
      ),
    );
    const pages = result.stderr
      .split('\n')
      .filter(l => /GET .*\/configmaps\?.*limit=3/.test(l));
    expect(pages).toHaveLength(3);
    expect(pages.filter(l => l.includes('continue=')).length).toBe(2);
  });

  it.each([
    ['app=odd', ['cm-1', 'cm-3', 'cm-5']],
    ['app==even,tier=low', ['cm-0', 'cm-2']],
    ['app!=odd', ['cm-0', 'cm-2', 'cm-4', 'cm-6', 'kube-root-ca.crt']],
    ['tier in (low)', ['cm-0', 'cm-1', 'cm-2']],
    ['tier notin (low),app', ['cm-3', 'cm-4', 'cm-5', 'cm-6']],
    ['special', ['cm-0']],
    ['!special,app=even', ['cm-2', 'cm-4', 'cm-6']],
  ])('selects by label %s', async (labelSelector, expected) => {
    const list = await f.core.listNamespacedConfigMap({
      namespace: 'default',
      labelSelector,
    });
    expect(list.items.map(i => i.metadata!.name)).toEqual(expected);
  });

  it('selects by field, including status.phase for pods', async () => {
    const byName = await f.core.listConfigMapForAllNamespaces({
      fieldSelector: 'metadata.name=cm-3',
    });
    expect(byName.items.map(i => i.metadata!.name)).toEqual(['cm-3']);
    const notName = await f.core.listNamespacedConfigMap({
      namespace: 'default',
      fieldSelector: 'metadata.name!=cm-3,metadata.namespace=default',
    });
    expect(notName.items).toHaveLength(7);
    f.cluster.apply(deployment({ name: 'phases', replicas: 2 }));
    await f.cluster.settled();
    const running = await f.core.listPodForAllNamespaces({
      fieldSelector: 'status.phase=Running',
      labelSelector: 'app=phases',
    });
    expect(running.items.length).toBe(2);
    const pending = await f.core.listPodForAllNamespaces({
      fieldSelector: 'status.phase!=Running',
      labelSelector: 'app=phases',
    });
    expect(pending.items.length).toBe(0);
  });

  it('applies merge, JSON and strategic merge patches', async () => {
    await f.core.patchNamespacedConfigMap(
      { name: 'cm-1', namespace: 'default', body: { data: { added: 'yes' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await f.core.patchNamespacedConfigMap(
      {
        name: 'cm-1',
        namespace: 'default',
        body: [{ op: 'replace', path: '/data/key', value: 'changed' }],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    const cm: V1ConfigMap = await f.core.readNamespacedConfigMap({
      name: 'cm-1',
      namespace: 'default',
    });
    expect(cm.data).toEqual({ key: 'changed', added: 'yes' });
    f.cluster.apply(deployment({ name: 'smp' }));
    const patched = await f.apps.patchNamespacedDeployment(
      {
        name: 'smp',
        namespace: 'default',
        body: {
          spec: {
            template: {
              spec: { containers: [{ name: 'sidecar', image: 'proxy:1' }] },
            },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    expect(patched.spec?.template.spec?.containers.map(c => c.name)).toEqual([
      'app',
      'sidecar',
    ]);
  });

  it('changes nothing on dryRun=All', async () => {
    await f.cluster.settled();
    const before = f.cluster.store.resourceVersion;
    const created = await f.core.createNamespacedConfigMap({
      namespace: 'default',
      body: configMap('dry') as never,
      dryRun: 'All',
    });
    expect(created.metadata?.name).toBe('dry');
    await f.core.patchNamespacedConfigMap(
      {
        name: 'cm-2',
        namespace: 'default',
        body: { data: { x: 'y' } },
        dryRun: 'All',
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await f.core.deleteNamespacedConfigMap({
      name: 'cm-3',
      namespace: 'default',
      dryRun: 'All',
    });
    expect(f.cluster.store.resourceVersion).toBe(before);
    expect(
      f.cluster.get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'default',
        name: 'dry',
      }),
    ).toBeUndefined();
    expect(
      f.cluster.get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'default',
        name: 'cm-3',
      }),
    ).toBeDefined();
  });

  it('separates the status and scale subresources from the main resource', async () => {
    f.cluster.apply(deployment({ name: 'sub', replicas: 1 }));
    await f.cluster.settled();
    const live = await f.apps.readNamespacedDeployment({
      name: 'sub',
      namespace: 'default',
    });
    live.status = { replicas: 99 };
    const afterMain = await f.apps.replaceNamespacedDeployment({
      name: 'sub',
      namespace: 'default',
      body: live,
    });
    expect(afterMain.status?.replicas).toBe(1);
    const scale = await f.apps.readNamespacedDeploymentScale({
      name: 'sub',
      namespace: 'default',
    });
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 1 },
    });
    await f.apps.patchNamespacedDeploymentScale(
      { name: 'sub', namespace: 'default', body: { spec: { replicas: 4 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await f.cluster.settled();
    const scaled = await f.apps.readNamespacedDeployment({
      name: 'sub',
      namespace: 'default',
    });
    expect(scaled.spec?.replicas).toBe(4);
    expect(scaled.status?.readyReplicas).toBe(4);
    const statusPatch = await f.request(
      '/apis/apps/v1/namespaces/default/deployments/sub/status',
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({
          spec: { replicas: 9 },
          status: { observedGeneration: 42 },
        }),
      },
    );
    const patched = await statusPatch.json();
    expect(patched.status.observedGeneration).toBe(42);
    expect(patched.spec.replicas).toBe(4);
  });

  it('serves Table output for kubectl', async () => {
    const res = await f.request(
      '/api/v1/namespaces/default/configmaps?limit=2',
      {
        headers: {
          Accept:
            'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
        },
      },
    );
    const table = await res.json();
    expect(table.kind).toBe('Table');
    expect(
      table.columnDefinitions.map((c: { name: string }) => c.name),
    ).toEqual(['Name', 'Data', 'Age']);
    expect(table.rows[0].object.kind).toBe('PartialObjectMetadata');
  });
});
