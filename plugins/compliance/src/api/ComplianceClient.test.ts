/**
 * @jest-environment node
 */
import { ResponseError } from '@backstage/errors';
import { anExemption, noEvaluationYet } from '../__fixtures__/builders';
import { ComplianceClient } from './ComplianceClient';

const baseUrl = 'http://localhost:7007/api/compliance';

interface Sent {
  url: string;
  method: string;
  body?: unknown;
}

function clientAnswering(
  status: number,
  body: unknown,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) {
  const sent: Sent[] = [];
  const client = new ComplianceClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        sent.push({
          url: String(input),
          method: init?.method ?? 'GET',
          body: init?.body ? JSON.parse(String(init.body)) : undefined,
        });
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        return new Response(text, { status, headers });
      },
    },
  });
  return { client, sent };
}

describe('ComplianceClient', () => {
  it('repeats multi-valued result filters', async () => {
    const { client, sent } = clientAnswering(200, noEvaluationYet);
    await expect(
      client.getResults({
        owner: ['group:default/laboratory', 'group:default/pharmacy'],
        status: ['fail'],
        control: ['CP-INT-03'],
        limit: 500,
      }),
    ).resolves.toEqual(noEvaluationYet);
    const url = new URL(sent[0].url);
    expect(url.pathname).toBe('/api/compliance/results');
    expect(url.searchParams.getAll('owner')).toEqual([
      'group:default/laboratory',
      'group:default/pharmacy',
    ]);
    expect(url.searchParams.get('status')).toBe('fail');
    expect(url.searchParams.get('control')).toBe('CP-INT-03');
    expect(url.searchParams.get('limit')).toBe('500');
  });

  it('reads one entity by kind, namespace and name, and 404 as not evaluated', async () => {
    const { client, sent } = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'No compliance results' },
    });
    await expect(
      client.getEntityResults('component:default/lab-results'),
    ).resolves.toBeUndefined();
    expect(sent[0].url).toBe(
      `${baseUrl}/results/component/default/lab-results`,
    );
  });

  it('posts exemption requests and decisions as JSON', async () => {
    const { client, sent } = clientAnswering(201, anExemption());
    await client.requestExemption({
      entityRef: 'component:default/lab-results',
      controlId: 'CP-TX-04',
      justification: 'Vendor appliance needs a LoadBalancer.',
      expiresAt: '2027-03-01T00:00:00.000Z',
    });
    await client.decideExemption({
      id: 'ex 1',
      decision: 'reject',
      comment: 'Not for PHI.',
    });
    expect(sent.map(s => [s.method, s.url.replace(baseUrl, '')])).toEqual([
      ['POST', '/exemptions'],
      ['POST', '/exemptions/ex%201/reject'],
    ]);
    expect(sent[1].body).toEqual({ comment: 'Not for PHI.' });
  });

  it('lists exemptions and audit events with their filters', async () => {
    const { client, sent } = clientAnswering(200, { items: [] });
    await client.getExemptions({ state: 'requested' });
    await client.getAuditEvents({
      actor: 'user:default/olga',
      from: '2026-11-01T00:00:00.000Z',
    });
    expect(sent[0].url).toBe(`${baseUrl}/exemptions?state=requested`);
    expect(sent[1].url).toBe(
      `${baseUrl}/audit-events?actor=user%3Adefault%2Folga&from=2026-11-01T00%3A00%3A00.000Z`,
    );
  });

  it('downloads an export under the filename from Content-Disposition', async () => {
    const { client, sent } = clientAnswering(200, 'entityRef,controlId\n', {
      'Content-Type': 'text/csv',
      'Content-Disposition':
        'attachment; filename="compliance-2026-11-24T08-00-00-000Z.csv"',
    });
    const file = await client.exportResults({ format: 'csv' });
    expect(sent[0].url).toBe(`${baseUrl}/export?format=csv`);
    expect(file.filename).toBe('compliance-2026-11-24T08-00-00-000Z.csv');
    expect(await file.blob.text()).toBe('entityRef,controlId\n');
    await client.exportAuditEvents({ action: 'exemption.approved' });
    expect(sent[1].url).toBe(
      `${baseUrl}/audit-events?action=exemption.approved&format=csv`,
    );
  });

  it('throws a ResponseError carrying the status on a denial', async () => {
    const { client } = clientAnswering(403, {
      error: { name: 'NotAllowedError', message: 'Unauthorized' },
    });
    const error = await client.verifyEvidence().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).statusCode).toBe(403);
  });
});
