import {
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';
import { cloudNativePgCrds } from './cloudNativePgCrds';
import { stringify } from 'yaml';

const pgCluster = `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: records-db
  namespace: default
spec:
  instances: 3
  storage:
    size: 20Gi
`;

describe('CustomResourceDefinitions', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  it('serves a new resource once its CRD is applied, with CRUD, list, watch and discovery', async () => {
    expect((await f.request('/apis/postgresql.cnpg.io/v1')).status).toBe(404);
    const install = await f.kubectl(['apply', '-f', '-'], {
      input: cloudNativePgCrds()
        .map(c => stringify(c))
        .join('---\n'),
    });
    expect(install.stderr).toBe('');
    expect(install.stdout).toContain(
      'customresourcedefinition.apiextensions.k8s.io/clusters.postgresql.cnpg.io created',
    );
    const discovery = await (
      await f.request('/apis/postgresql.cnpg.io/v1')
    ).json();
    expect(discovery.resources.map((r: { name: string }) => r.name)).toEqual([
      'clusters',
      'clusters/status',
      'clusters/scale',
      'databases',
      'databases/status',
      'backups',
      'backups/status',
      'scheduledbackups',
      'scheduledbackups/status',
    ]);
    await eventually(async () => {
      const crd = (await (
        await f.request(
          '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/clusters.postgresql.cnpg.io',
        )
      ).json()) as {
        status?: { conditions?: Array<{ type: string; status: string }> };
      };
      return crd.status?.conditions?.some(
        c => c.type === 'Established' && c.status === 'True',
      );
    });

    const watch = f.request(
      '/apis/postgresql.cnpg.io/v1/namespaces/default/clusters?watch=1',
    );
    const created = await f.kubectl(['apply', '-f', '-'], { input: pgCluster });
    expect(created.stdout).toContain(
      'cluster.postgresql.cnpg.io/records-db created',
    );
    const got = await f.kubectl([
      'get',
      'clusters.postgresql.cnpg.io',
      'records-db',
      '-o',
      'jsonpath={.spec.instances}',
    ]);
    expect(got.stdout).toBe('3');
    const table = await f.kubectl(['get', 'clusters.postgresql.cnpg.io']);
    expect(table.stdout).toMatch(
      /^NAME\s+AGE\s+INSTANCES\s+READY\s+STATUS\s+PRIMARY/,
    );
    const updated = await f.kubectl(['apply', '-f', '-'], {
      input: pgCluster.replace('instances: 3', 'instances: 5'),
    });
    expect(updated.stdout).toContain('configured');
    const scaled = await f.kubectl([
      'scale',
      'clusters.postgresql.cnpg.io/records-db',
      '--replicas=2',
    ]);
    expect(scaled.code).toBe(0);
    expect(
      (
        f.cluster.get({
          apiVersion: 'postgresql.cnpg.io/v1',
          kind: 'Cluster',
          namespace: 'default',
          name: 'records-db',
        })?.spec as { instances: number }
      ).instances,
    ).toBe(2);
    const reader = (await watch).body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"type":"ADDED"');
    await reader.cancel();
    const deleted = await f.kubectl([
      'delete',
      'clusters.postgresql.cnpg.io',
      'records-db',
    ]);
    expect(deleted.stdout).toContain('deleted');

    // Cluster-scoped CRDs work too, and deleting a CRD removes its resource.
    const widgetCrd = { ...cloudNativePgCrds()[2] };
    const spec = structuredClone(
      widgetCrd.spec as {
        group: string;
        scope: string;
        names: Record<string, unknown>;
      },
    );
    spec.group = 'example.com';
    spec.scope = 'Cluster';
    spec.names = {
      kind: 'Widget',
      plural: 'widgets',
      singular: 'widget',
      listKind: 'WidgetList',
    };
    f.cluster.apply({
      ...widgetCrd,
      metadata: { name: 'widgets.example.com' },
      spec,
    });
    f.cluster.apply({
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w1' },
      spec: {},
    });
    const widgets = await (
      await f.request('/apis/example.com/v1/widgets')
    ).json();
    expect(
      widgets.items.map(
        (w: { metadata: { name: string; namespace?: string } }) => w.metadata,
      ),
    ).toEqual([expect.objectContaining({ name: 'w1' })]);
    expect(widgets.items[0].metadata.namespace).toBeUndefined();
    f.cluster.delete({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'widgets.example.com',
    });
    expect((await f.request('/apis/example.com/v1/widgets')).status).toBe(404);
  });
});
