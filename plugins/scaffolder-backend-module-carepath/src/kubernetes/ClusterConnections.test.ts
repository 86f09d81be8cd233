import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { KubeSimulator, startKubeSimulator } from '@carepath/kube-simulator';
import { applyObject } from './applyObjects';
import { ClusterConnections } from './ClusterConnections';

let sim: KubeSimulator;
beforeAll(async () => {
  sim = await startKubeSimulator({
    clusters: [{ name: 'staging-eu' }],
    port: 0,
  });
});
afterAll(async () => {
  await sim.stop();
});

function connections(withWriteToken: boolean) {
  const cluster = sim.cluster('staging-eu');
  const token = (role: string) =>
    cluster.tokens.find(t => t.role === role)!.token;
  return ClusterConnections.fromConfig(
    new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'staging-eu',
                url: cluster.httpsUrl,
                caData: cluster.caData,
                serviceAccountToken: token('read-only'),
              },
            ],
          },
        ],
      },
      carepath: withWriteToken
        ? {
            kubernetes: {
              clusters: [
                { name: 'staging-eu', serviceAccountToken: token('admin') },
              ],
            },
          }
        : {},
    }),
  );
}

const configMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'probe', namespace: 'default' },
  data: { a: '1' },
};

describe('ClusterConnections', () => {
  it('writes with the platform token from carepath.kubernetes.clusters, not the read-only fleet token', async () => {
    await expect(
      applyObject({
        connection: connections(false).get('staging-eu'),
        object: configMap,
      }),
    ).rejects.toThrow(
      /applying ConfigMap default\/probe to cluster staging-eu failed: HTTP 403/,
    );
    await expect(
      applyObject({
        connection: connections(true).get('staging-eu'),
        object: configMap,
      }),
    ).resolves.toMatchObject({
      metadata: { name: 'probe' },
    });
  });

  it('names the known clusters when asked for an unknown one', () => {
    expect(() => connections(true).get('moon-1')).toThrow(InputError);
    expect(() => connections(true).get('moon-1')).toThrow(
      'cluster: unknown cluster "moon-1"; known clusters: staging-eu',
    );
  });

  it('refuses an environment that lists a cluster the kubernetes block does not define', () => {
    expect(() =>
      ClusterConnections.fromConfig(
        new ConfigReader({
          carepath: {
            environments: [{ name: 'production', clusters: ['prod-x'] }],
          },
        }),
      ),
    ).toThrow(
      'carepath.environments: environment production lists prod-x, which kubernetes.clusterLocatorMethods (type config) does not define',
    );
  });
});
