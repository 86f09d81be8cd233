/**
 * @jest-environment node
 */
import { ResponseError } from '@backstage/errors';
import { aServiceList, aServiceSummary } from '../__fixtures__/builders';
import { FleetClient } from './FleetClient';

const baseUrl = 'http://localhost:7007/api/fleet';

function clientAnswering(status: number, body: unknown) {
  const urls: string[] = [];
  const client = new FleetClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      fetch: async (input: RequestInfo | URL) => {
        urls.push(String(input));
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json' },
        });
      },
    },
  });
  return { client, urls };
}

describe('FleetClient', () => {
  it('repeats multi-valued filters and sends the sort direction as order', async () => {
    const list = aServiceList([aServiceSummary()]);
    const { client, urls } = clientAnswering(200, list);

    await expect(
      client.getServices({
        owner: ['group:default/radiology', 'group:default/pharmacy'],
        health: ['Degraded', 'Unknown'],
        cluster: ['prod-west'],
        dataClassification: ['phi'],
        q: 'portal api',
        sort: 'restarts',
        direction: 'desc',
        limit: 5000,
      }),
    ).resolves.toEqual(list);

    const url = new URL(urls[0]);
    expect(url.pathname).toBe('/api/fleet/services');
    expect(url.searchParams.getAll('owner')).toEqual([
      'group:default/radiology',
      'group:default/pharmacy',
    ]);
    expect(url.searchParams.getAll('health')).toEqual(['Degraded', 'Unknown']);
    expect(url.searchParams.get('cluster')).toBe('prod-west');
    expect(url.searchParams.get('dataClassification')).toBe('phi');
    expect(url.searchParams.get('q')).toBe('portal api');
    expect(url.searchParams.get('sort')).toBe('restarts');
    expect(url.searchParams.get('order')).toBe('desc');
    expect(url.searchParams.get('limit')).toBe('5000');
  });

  it('asks for all services without a query string when there is no query', async () => {
    const { client, urls } = clientAnswering(200, aServiceList([]));
    await client.getServices();
    expect(urls).toEqual([`${baseUrl}/services`]);
  });

  it('fetches one service by kind, namespace and name', async () => {
    const { client, urls } = clientAnswering(200, { name: 'x' });
    await client.getServiceHealth('component:patient-portal/portal api');
    expect(urls).toEqual([
      `${baseUrl}/services/component/patient-portal/portal%20api`,
    ]);
  });

  it('resolves undefined when fleet does not know the service', async () => {
    const { client } = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'No such service' },
      response: { statusCode: 404 },
    });
    await expect(
      client.getServiceHealth('component:default/unknown'),
    ).resolves.toBeUndefined();
  });

  it('unwraps the cluster list and pages unregistered workloads', async () => {
    const { client, urls } = clientAnswering(200, { items: [] });
    await expect(client.getClusters()).resolves.toEqual([]);
    await client.getUnregisteredWorkloads({ offset: 50, limit: 25 });
    expect(urls).toEqual([
      `${baseUrl}/clusters`,
      `${baseUrl}/unregistered?offset=50&limit=25`,
    ]);
  });

  it('turns error responses into ResponseError with the backend message', async () => {
    const { client } = clientAnswering(503, {
      error: { name: 'ServiceUnavailableError', message: 'Fleet is starting' },
      request: { method: 'GET', url: '/api/fleet/clusters' },
      response: { statusCode: 503 },
    });
    const error = await client.getClusters().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(503);
    expect(error.body.error.message).toBe('Fleet is starting');
  });
});
