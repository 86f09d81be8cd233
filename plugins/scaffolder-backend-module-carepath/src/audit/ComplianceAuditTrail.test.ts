import { mockServices } from '@backstage/backend-test-utils';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ComplianceAuditTrail } from './ComplianceAuditTrail';

/** The compliance plugin's route as a local server whose behaviour the test sets. */
let behaviour: 'created' | 'silent' | 'refuse' = 'created';
const received: Array<{ url?: string; token: boolean; body: string }> = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({
        url: req.url,
        token: Boolean(req.headers.authorization?.startsWith('Bearer ')),
        body,
      });
      if (behaviour === 'silent') return; // never answers
      res.setHeader('content-type', 'application/json');
      if (behaviour === 'refuse') {
        res.statusCode = 400;
        res.end(
          JSON.stringify({ error: { message: 'Invalid audit event: action' } }),
        );
        return;
      }
      res.statusCode = 201;
      res.end(JSON.stringify({ seq: 7 }));
    });
  });
  await new Promise<void>(resolve => server.listen(0, resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

const trail = (url = baseUrl) =>
  new ComplianceAuditTrail({
    discovery: {
      getBaseUrl: async () => url,
      getExternalBaseUrl: async () => url,
    },
    auth: mockServices.auth(),
    timeoutMs: 300,
  });
const entry = {
  action: 'scaffolder.action.started',
  actor: 'user:default/dana',
  details: { actionId: 'carepath:x' },
};

describe('ComplianceAuditTrail', () => {
  it('posts the event with a service token and returns its place in the chain', async () => {
    behaviour = 'created';
    await expect(trail().record(entry)).resolves.toEqual({ seq: 7 });
    expect(received.at(-1)).toEqual({
      url: '/audit-events',
      token: true,
      body: JSON.stringify(entry),
    });
  });

  it('says why when the trail refuses, does not answer in time, or is not there', async () => {
    behaviour = 'refuse';
    await expect(trail().record(entry)).rejects.toThrow(
      'the compliance audit trail answered HTTP 400: Invalid audit event: action',
    );
    behaviour = 'silent';
    await expect(trail().record(entry)).rejects.toThrow(
      'the compliance audit trail did not answer within 300 ms',
    );
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    await expect(
      trail(`http://127.0.0.1:${port}`).record(entry),
    ).rejects.toThrow(
      /^the compliance audit trail is unreachable \(.*ECONNREFUSED.*\)$/,
    );
  });
});
