import {
  deployment,
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';

describe('EndpointsController', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  it('lists ready pods as addresses, resolving named target ports', async () => {
    const web = deployment({ name: 'web', replicas: 2 });
    const containers = (
      web.spec as {
        template: { spec: { containers: Array<Record<string, unknown>> } };
      }
    ).template.spec.containers;
    containers[0].ports = [{ name: 'http', containerPort: 8080 }];
    f.cluster.apply(web);
    f.cluster.apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      },
    });
    const endpoints = await eventually(async () => {
      const ep = await f.core
        .readNamespacedEndpoints({ name: 'web', namespace: 'default' })
        .catch(() => undefined);
      return ep?.subsets?.[0]?.addresses?.length === 2 ? ep : undefined;
    });
    expect(endpoints.subsets![0].ports).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP' },
    ]);
    expect(endpoints.subsets![0].addresses![0].targetRef).toMatchObject({
      kind: 'Pod',
      namespace: 'default',
    });

    const described = await f.kubectl(['describe', 'service', 'web']);
    expect(described.stdout).toMatch(
      /Endpoints:\s+10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080/,
    );
    f.cluster.setScenario({
      namespace: 'default',
      kind: 'Deployment',
      name: 'web',
      scenario: 'readiness-failing',
    });
    await eventually(async () => {
      const ep = await f.core.readNamespacedEndpoints({
        name: 'web',
        namespace: 'default',
      });
      return (
        ep.subsets?.[0]?.notReadyAddresses?.length === 2 &&
        !ep.subsets[0].addresses
      );
    });
    f.cluster.delete({
      apiVersion: 'v1',
      kind: 'Service',
      namespace: 'default',
      name: 'web',
    });
    await eventually(
      () =>
        !f.cluster.get({
          apiVersion: 'v1',
          kind: 'Endpoints',
          namespace: 'default',
          name: 'web',
        }),
    );
  });
});
