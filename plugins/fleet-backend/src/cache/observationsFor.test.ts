import { projectDeployment } from '@carepath/plugin-fleet-common';
import { compactForCompliance } from '../watch/compactForCompliance';
import type { CompactObject } from '../watch/watchedKinds';
import { observationsFor } from './observationsFor';

const ns = 'team-a';
const meta = (name: string) => ({ name, namespace: ns });

function stored(object: Record<string, unknown>): CompactObject {
  const { name } = object.metadata as { name: string };
  return {
    metadata: { name, namespace: ns },
    observed: compactForCompliance(object),
  };
}

const api = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { ...meta('api'), labels: { app: 'api' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'api' } },
    template: {
      metadata: { labels: { app: 'api' } },
      spec: {
        serviceAccountName: 'api',
        containers: [{ name: 'api', image: 'api:1' }],
      },
    },
  },
};

const objects: Record<string, CompactObject[]> = {
  Deployment: [stored(api)],
  Service: [
    stored({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('api'),
      spec: { selector: { app: 'api' } },
    }),
    stored({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('other'),
      spec: { selector: { app: 'other' } },
    }),
  ],
  Ingress: [
    stored({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta('api'),
      spec: {
        tls: [{ hosts: ['api.example'] }],
        rules: [
          {
            host: 'api.example',
            http: { paths: [{ backend: { service: { name: 'api' } } }] },
          },
        ],
      },
    }),
    stored({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta('other'),
      spec: { defaultBackend: { service: { name: 'other' } } },
    }),
  ],
  NetworkPolicy: [
    stored({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('deny-all'),
      spec: { podSelector: {} },
    }),
    stored({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('other'),
      spec: {
        podSelector: {
          matchExpressions: [{ key: 'app', operator: 'In', values: ['other'] }],
        },
      },
    }),
  ],
  PodDisruptionBudget: [
    stored({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta('api'),
      spec: { selector: { matchLabels: { app: 'api' } }, minAvailable: 1 },
    }),
  ],
  ServiceAccount: [
    stored({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta('api'),
      automountServiceAccountToken: false,
    }),
    stored({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta('default'),
    }),
  ],
};

describe('observationsFor', () => {
  it('keeps the workload and only the objects that govern its pods', () => {
    const result = observationsFor({
      resources: [projectDeployment(api)],
      lookup: (kind, namespace) =>
        namespace === ns ? objects[kind] ?? [] : [],
    });
    expect(result.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Deployment/api',
      'Service/api',
      'Ingress/api',
      'NetworkPolicy/deny-all',
      'PodDisruptionBudget/api',
      'ServiceAccount/api',
    ]);
    expect(result[5]).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta('api'),
      automountServiceAccountToken: false,
    });
  });
});
