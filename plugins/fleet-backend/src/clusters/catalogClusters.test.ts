import type { ClusterState } from '@carepath/plugin-fleet-common';
import request from 'supertest';
import { eventually } from '../__testUtils__/fleetTestBed';
import { startFleetBackend } from '../__testUtils__/startFleetBackend';
import { ClusterSource } from './ClusterSource';

const clusterEntity = (name: string, annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'kubernetes-cluster', owner: 'platform' },
});

describe('clusters from catalog Resource entities', () => {
  it('reads upstream annotations', () => {
    const cluster = ClusterSource.fromEntity(
      clusterEntity('edge', {
        'kubernetes.io/api-server': 'https://edge.example:6443',
        'kubernetes.io/api-server-certificate-authority': Buffer.from(
          '-----BEGIN CERTIFICATE-----',
        ).toString('base64'),
        'kubernetes.io/skip-tls-verify': 'true',
      }),
    );
    expect(cluster).toMatchObject({
      name: 'edge',
      url: 'https://edge.example:6443',
      caData: '-----BEGIN CERTIFICATE-----',
      skipTLSVerify: true,
    });
    expect(
      ClusterSource.fromEntity({
        ...clusterEntity('x', {}),
        spec: { type: 'database' },
      }),
    ).toBeUndefined();
  });

  it('watches catalog clusters when the catalog locator is configured', async () => {
    const { backend, server } = await startFleetBackend({
      config: { kubernetes: { clusterLocatorMethods: [{ type: 'catalog' }] } },
      entities: [
        clusterEntity('edge', {
          'kubernetes.io/api-server': 'http://127.0.0.1:1',
        }),
        clusterEntity('broken', { 'kubernetes.io/api-server': 'not a url' }),
      ],
    });
    const states = await eventually(async () => {
      const res = await request(server).get('/api/fleet/clusters').expect(200);
      const items = res.body.items as ClusterState[];
      return items.length === 2 && items.every(i => i.state === 'unreachable')
        ? items
        : undefined;
    });
    expect(states.find(s => s.name === 'broken')?.lastError).toMatch(
      /catalog entity resource:default\/broken\.url/,
    );
    await backend.stop();
  });
});
