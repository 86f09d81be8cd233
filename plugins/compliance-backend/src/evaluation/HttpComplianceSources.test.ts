import { mockServices } from '@backstage/backend-test-utils';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpComplianceSources } from './HttpComplianceSources';

async function withServer(
  handler: RequestListener,
  test: (sources: HttpComplianceSources) => Promise<void>,
) {
  const server = createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sources = new HttpComplianceSources({
    discovery: {
      getBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
      getExternalBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
    },
    auth: mockServices.auth(),
    timeoutMs: 200,
  });
  try {
    await test(sources);
  } finally {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  }
}

const entity = {
  kind: 'component',
  namespace: 'default',
  name: 'fhir-gateway',
};

describe('HttpComplianceSources', () => {
  it('gives up on a source that does not answer in time', async () => {
    await withServer(
      () => {},
      async sources => {
        await expect(sources.workloads(entity)).resolves.toEqual({
          available: false,
          down: true,
          reason: 'fleet did not answer within 200 ms',
        });
      },
    );
  });

  it('treats a 404 as unavailable for that service only', async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(404).end();
      },
      async sources => {
        await expect(
          sources.platformRecords('component:default/x'),
        ).resolves.toMatchObject({
          available: false,
          down: false,
          reason: expect.stringContaining('scaffolder answered 404'),
        });
      },
    );
  });

  it("reads fleet's unregistered workloads, page by page, as cluster objects", async () => {
    const seen: string[] = [];
    const workload = (cluster: string, name: string) => ({
      cluster,
      kind: 'Deployment',
      namespace: 'default',
      name,
      uid: `${cluster}-${name}`,
      labels: { app: name },
      images: [`registry.example/${name}:latest`],
    });
    await withServer(
      (req, res) => {
        seen.push(req.url ?? '');
        const offset = Number(
          new URL(req.url ?? '', 'http://x').searchParams.get('offset'),
        );
        res.writeHead(200, { 'content-type': 'application/json' });
        // Two pages: fleet serves at most 5000 a page.
        res.end(
          JSON.stringify({
            items:
              offset === 0
                ? [workload('prod-east', 'legacy-fax-gateway')]
                : [workload('staging', 'debug-toolbox')],
            totalItems: 5001,
            offset,
            limit: 5000,
          }),
        );
      },
      async sources => {
        const answer = await sources.unregisteredWorkloads();
        expect(seen).toEqual([
          '/api/fleet/unregistered?offset=0&limit=5000',
          '/api/fleet/unregistered?offset=5000&limit=5000',
        ]);
        expect(answer).toEqual({
          available: true,
          value: [
            {
              cluster: 'prod-east',
              objects: [
                {
                  kind: 'Deployment',
                  metadata: {
                    name: 'legacy-fax-gateway',
                    namespace: 'default',
                    uid: 'prod-east-legacy-fax-gateway',
                    labels: { app: 'legacy-fax-gateway' },
                  },
                  spec: {
                    template: {
                      spec: {
                        containers: [
                          {
                            name: 'container-0',
                            image: 'registry.example/legacy-fax-gateway:latest',
                          },
                        ],
                      },
                    },
                  },
                },
              ],
            },
            {
              cluster: 'staging',
              objects: [expect.objectContaining({ kind: 'Deployment' })],
            },
          ],
        });
      },
    );
  });

  it('refuses a body of the wrong shape, naming the field', async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ items: [{ cluster: 7 }], totalItems: 1 }));
      },
      async sources => {
        const answer = await sources.unregisteredWorkloads();
        expect(answer).toMatchObject({ available: false, down: false });
        expect(!answer.available && answer.reason).toMatch(/items\.0\.cluster/);
      },
    );
  });

  it('reads workloads with a token for the fleet plugin', async () => {
    const seen: string[] = [];
    await withServer(
      (req, res) => {
        seen.push(
          `${req.url} ${
            req.headers.authorization ? 'with token' : 'anonymous'
          }`,
        );
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ items: [{ cluster: 'prod-east', objects: [] }] }),
        );
      },
      async sources => {
        await expect(sources.workloads(entity)).resolves.toEqual({
          available: true,
          value: [{ cluster: 'prod-east', objects: [] }],
        });
      },
    );
    expect(seen).toEqual([
      '/api/fleet/services/component/default/fhir-gateway/observations with token',
    ]);
  });
});
