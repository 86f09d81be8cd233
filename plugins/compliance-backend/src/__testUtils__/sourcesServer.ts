import type { DiscoveryService } from '@backstage/backend-plugin-api';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake fleet and scaffolder serve. */
export interface SourcesFixture {
  /** entity name → per-cluster objects */
  workloads?: Record<string, Array<{ cluster: string; objects: unknown[] }>>;
  /** entityRef → platform records */
  platformRecords?: Record<string, unknown>;
  /** Fleet's unregistered workloads (fleet-common `UnregisteredWorkload`). */
  unregistered?: Array<{
    cluster: string;
    kind: string;
    namespace: string;
    name: string;
    images?: string[];
  }>;
  /** Fleet's clusters; default one synced cluster. Called per request when a function. */
  clusters?:
    | Array<{ name: string; state: string; lastError?: string }>
    | (() => Array<{ name: string; state: string; lastError?: string }>);
  /** Plugins that answer 503. */
  failing?: string[];
}

/**
 * A real HTTP server on port 0 standing in for the fleet and scaffolder
 * plugins, with a discovery service that points at it.
 */
export async function startSourcesServer(fixture: SourcesFixture): Promise<{
  discovery: DiscoveryService;
  baseUrl: string;
  requests: string[];
  close(): Promise<void>;
}> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const [, , pluginId] = url.pathname.split('/');
    if (fixture.failing?.includes(pluginId)) {
      send(503, { error: 'unavailable' });
      return;
    }
    const observations = url.pathname.match(
      /^\/api\/fleet\/services\/[^/]+\/[^/]+\/([^/]+)\/observations$/,
    );
    if (observations) {
      const items = fixture.workloads?.[decodeURIComponent(observations[1])];
      send(items ? 200 : 404, items ? { items } : { error: 'not found' });
    } else if (url.pathname === '/api/fleet/clusters') {
      const clusters =
        typeof fixture.clusters === 'function'
          ? fixture.clusters()
          : fixture.clusters ?? [{ name: 'prod-east', state: 'synced' }];
      send(200, { items: clusters });
    } else if (url.pathname === '/api/fleet/unregistered') {
      const items = fixture.unregistered ?? [];
      send(200, { items, totalItems: items.length, offset: 0, limit: 5000 });
    } else if (url.pathname === '/api/scaffolder/carepath/platform-records') {
      const ref = url.searchParams.get('entityRef') ?? '';
      send(200, fixture.platformRecords?.[ref] ?? { databases: [] });
    } else {
      send(404, { error: 'not found' });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    requests,
    discovery: {
      getBaseUrl: async pluginId => `${baseUrl}/api/${pluginId}`,
      getExternalBaseUrl: async pluginId => `${baseUrl}/api/${pluginId}`,
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      ),
  };
}
