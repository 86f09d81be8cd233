import { ConfigReader } from '@backstage/config';
import { ClusterSource } from './ClusterSource';

type ConfigData = ConstructorParameters<typeof ConfigReader>[0];

const config = (clusters: unknown[]) =>
  new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        { type: 'catalog' },
        { type: 'config', clusters },
      ],
    },
  } as unknown as ConfigData);

describe('ClusterSource', () => {
  it('reads the upstream kubernetes config unchanged', () => {
    const [cluster] = ClusterSource.fromConfig(
      config([
        {
          name: 'prod-east',
          url: 'http://127.0.0.1:6443/',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'carepath-embedded-readonly',
          skipTLSVerify: false,
          skipMetricsLookup: true,
          caData: Buffer.from('-----BEGIN CERTIFICATE-----\nx').toString(
            'base64',
          ),
        },
      ]),
    );
    expect(cluster).toEqual({
      name: 'prod-east',
      url: 'http://127.0.0.1:6443',
      token: 'carepath-embedded-readonly',
      caData: '-----BEGIN CERTIFICATE-----\nx',
      skipTLSVerify: false,
      tokenSource:
        'kubernetes.clusterLocatorMethods[1].clusters[0].serviceAccountToken',
    });
  });

  it('names the cluster and field of a bad entry', () => {
    expect(() =>
      ClusterSource.fromConfig(
        config([{ name: 'prod-west', url: 'not a url' }]),
      ),
    ).toThrow(
      /cluster "prod-west": kubernetes.clusterLocatorMethods\[1\].clusters\[0\].url/,
    );
    expect(() =>
      ClusterSource.fromConfig(
        config([{ name: 'a', url: 'http://x', caFile: '/nope' }]),
      ),
    ).toThrow(/cluster "a": .*caFile: cannot read \/nope/);
  });

  it('rejects duplicate names and marks unsupported auth providers', () => {
    expect(() =>
      ClusterSource.fromConfig(
        config([
          { name: 'a', url: 'http://x', serviceAccountToken: 't' },
          { name: 'a', url: 'http://y', serviceAccountToken: 't' },
        ]),
      ),
    ).toThrow(/"a" is used twice/);
    const [google] = ClusterSource.fromConfig(
      config([{ name: 'g', url: 'https://x', authProvider: 'google' }]),
    );
    expect(google.unsupported).toMatch(
      /authProvider "google" is not supported/,
    );
  });
});
