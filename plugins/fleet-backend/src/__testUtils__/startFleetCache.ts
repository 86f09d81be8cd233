import { mockServices } from '@backstage/backend-test-utils';
import type { KubeSimulator } from '@carepath/kube-simulator';
import express from 'express';
import { FleetCache } from '../cache/FleetCache';
import { ClusterSource } from '../clusters/ClusterSource';
import { createFleetRouter } from '../router/createFleetRouter';
import { FleetChangeStream } from '../router/FleetChangeStream';
import type { CatalogService } from '../service/CatalogService';

/**
 * A FleetCache over the simulator with an injected delay that records each
 * backoff and waits only `realDelayMs`, served by the fleet router.
 */
export function startFleetCache(options: {
  sim: KubeSimulator;
  services: CatalogService[];
  tokens?: Record<string, string>;
  /** Cluster URLs to use instead of the simulator's (e.g. a fault proxy). */
  urls?: Record<string, string>;
  requestTimeoutMs?: number;
  realDelayMs?: number;
}) {
  const delays: Array<{ ms: number }> = [];
  const clusters = options.sim.clusters.map((c, i) =>
    ClusterSource.parseCluster({
      path: `kubernetes.clusterLocatorMethods[0].clusters[${i}]`,
      raw: {
        name: c.name,
        url: options.urls?.[c.name] ?? c.url,
        authProvider: 'serviceAccount',
        serviceAccountToken: options.tokens?.[c.name] ?? 'reader',
      },
    }),
  );
  const logger = mockServices.rootLogger({ level: 'none' });
  const stream = new FleetChangeStream({ logger });
  const cache = new FleetCache({
    clusters,
    logger,
    requestTimeoutMs: options.requestTimeoutMs ?? 2000,
    recomputeDelayMs: 20,
    delay: (ms, signal) => {
      delays.push({ ms });
      return new Promise(resolve => {
        const timer = setTimeout(resolve, options.realDelayMs ?? 30);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  });
  cache.setServices(options.services);
  cache.start();
  const app = express().use(
    '/api/fleet',
    createFleetRouter({
      cache,
      stream,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
    }),
  );
  return {
    cache,
    app,
    delays,
    logger,
    async stop() {
      stream.stop();
      await cache.stop();
    },
  };
}
