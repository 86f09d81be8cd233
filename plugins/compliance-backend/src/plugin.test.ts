import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import type { Server } from 'node:http';
import {
  denyAll,
  startComplianceBackend,
} from './__testUtils__/startComplianceBackend';
import { parseCsv } from './__testUtils__/parseCsv';

describe('compliance API', () => {
  let backend: Awaited<ReturnType<typeof startComplianceBackend>>;
  let server: Server;

  beforeEach(async () => {
    backend = await startComplianceBackend();
    server = backend.server;
  });

  afterEach(() => backend.stop());

  const evaluate = async () => {
    const res = await request(server).post('/api/compliance/evaluate');
    expect(res.status).toBe(201);
    return res.body;
  };

  it('serves the controls in force with their version', async () => {
    const res = await request(server).get('/api/compliance/controls');
    expect(res.status).toBe(200);
    expect(res.body.controlsVersion).toBe('2026.11.0');
    expect(res.body.controls.map((c: { id: string }) => c.id)).toContain(
      'CP-INT-01',
    );
  });

  it('evaluates on demand and serves the latest results with filters', async () => {
    const run = await evaluate();
    expect(run).toMatchObject({
      id: expect.any(String),
      unavailableSources: [],
    });
    expect(run.summary.overallScore).toEqual(expect.any(Number));

    const all = await request(server).get('/api/compliance/results');
    expect(all.status).toBe(200);
    expect(all.body.evaluation.id).toBe(run.id);
    expect(
      all.body.summary.services.map((s: { entityRef: string }) => s.entityRef),
    ).toContain('component:default/fhir-gateway');

    const pii = await request(server).get(
      '/api/compliance/results?dataClassification=pii',
    );
    expect(
      pii.body.items.map((s: { entityRef: string }) => s.entityRef),
    ).toEqual(['component:default/intake-api']);

    const failing = await request(server).get(
      '/api/compliance/results?control=CP-INT-01&status=fail',
    );
    expect(failing.body.items).toHaveLength(1);
    expect(failing.body.items[0].results).toEqual([
      expect.objectContaining({ controlId: 'CP-INT-01', status: 'fail' }),
    ]);

    // Every result served carries what was observed, read from its
    // evidence record, filtered or not.
    for (const item of all.body.items) {
      for (const result of item.results) {
        expect(Object.keys(result.observed).length).toBeGreaterThan(0);
      }
    }
    const [kind, rest] = failing.body.items[0].entityRef.split(':');
    const one = await request(server).get(
      `/api/compliance/results/${kind}/${rest}`,
    );
    const observed = one.body.results.find(
      (r: { controlId: string }) => r.controlId === 'CP-INT-01',
    ).observed;
    expect(observed).toMatchObject({ offending: expect.any(Array) });
    expect(failing.body.items[0].results[0].observed).toEqual(observed);

    const bad = await request(server).get(
      '/api/compliance/results?status=broken',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status/);
  });

  it('serves one service, and 404 for an unknown one', async () => {
    await evaluate();
    const res = await request(server).get(
      '/api/compliance/results/component/default/fhir-gateway',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/fhir-gateway',
      system: 'system:default/records',
    });
    const missing = await request(server).get(
      '/api/compliance/results/component/default/nope',
    );
    expect(missing.status).toBe(404);
  });

  it('grows the history with every evaluation', async () => {
    await evaluate();
    await evaluate();
    const res = await request(server).get('/api/compliance/history');
    expect(res.status).toBe(200);
    expect(res.body.overall).toHaveLength(2);
    expect(
      res.body.services.filter(
        (p: { entityRef: string }) =>
          p.entityRef === 'component:default/fhir-gateway',
      ),
    ).toHaveLength(2);
    const future = await request(server).get(
      '/api/compliance/history?from=2999-01-01T00:00:00Z',
    );
    expect(future.body.overall).toEqual([]);
  });

  it('exports the snapshot as RFC 4180 CSV, one row per service and applicable control', async () => {
    const run = await evaluate();
    const json = await request(server).get(
      '/api/compliance/export?format=json',
    );
    const res = await request(server).get('/api/compliance/export?format=csv');
    expect(res.status).toBe(200);
    // The evaluation's date and time name the file.
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="compliance-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.csv"$/,
    );
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([
      'entityRef',
      'owner',
      'system',
      'dataClassification',
      'controlId',
      'title',
      'hipaa',
      'severity',
      'status',
      'exemptUntil',
      'observed',
      'evaluatedAt',
      'controlsVersion',
      'evidenceHash',
    ]);
    expect(rows).toHaveLength(json.body.rows.length);
    const results = await request(server).get('/api/compliance/results');
    const expected = results.body.items.reduce(
      (n: number, s: { results: unknown[] }) => n + s.results.length,
      0,
    );
    expect(rows).toHaveLength(expected);
    // The CSV, built from the evidence records, says what the JSON export,
    // built from the stored results, says.
    const byKey = new Map<string, Record<string, string>>(
      json.body.rows.map((r: Record<string, string>) => [
        `${r.entityRef} ${r.controlId}`,
        r,
      ]),
    );
    for (const row of rows) {
      expect(row).toHaveLength(14);
      const cells = Object.fromEntries(header.map((h, i) => [h, row[i]]));
      const { observed, ...fromJson } = byKey.get(
        `${cells.entityRef} ${cells.controlId}`,
      )!;
      expect(cells).toEqual({ ...fromJson, observed: cells.observed });
      expect(JSON.parse(cells.observed)).toEqual(JSON.parse(observed));
      expect(cells.evidenceHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const audit = await request(server).get(
      '/api/compliance/audit-events?action=compliance.exported',
    );
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[0].details.evaluationId).toBe(run.id);
  });

  it('exports the snapshot in force at a time', async () => {
    const before = await request(server).get(
      '/api/compliance/export?at=2000-01-01T00:00:00Z',
    );
    expect(before.status).toBe(404);
    const first = await evaluate();
    const between = new Date().toISOString();
    await new Promise(resolve => setTimeout(resolve, 5));
    await evaluate();
    const res = await request(server).get(
      `/api/compliance/export?at=${between}`,
    );
    expect(res.body.evaluation.id).toBe(first.id);
  });

  it('verifies both chains', async () => {
    await evaluate();
    const res = await request(server).get('/api/compliance/evidence/verify');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ok: true,
      evidence: { ok: true, checked: expect.any(Number) },
      auditTrail: { ok: true, checked: 1 },
    });
    expect(res.body.evidence.checked).toBeGreaterThan(10);
  });
});

describe('compliance API with every permission denied', () => {
  it('answers 403 on every gated route', async () => {
    const backend = await startComplianceBackend({ permissions: denyAll });
    try {
      const routes: Array<['get' | 'post', string]> = [
        ['get', '/controls'],
        ['get', '/results'],
        ['get', '/results/component/default/fhir-gateway'],
        ['post', '/evaluate'],
        ['post', '/controls/reload'],
        ['get', '/exemptions'],
        ['get', '/history'],
        ['get', '/export'],
        ['get', '/evidence/verify'],
        ['get', '/audit-events'],
        ['post', '/exemptions/x/approve'],
      ];
      for (const [method, path] of routes) {
        const res = await request(backend.server)
          [method](`/api/compliance${path}`)
          .send({ comment: 'looks fine' });
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
      const exemption = await request(backend.server)
        .post('/api/compliance/exemptions')
        .set('authorization', mockCredentials.user.header())
        .send({
          entityRef: 'component:default/fhir-gateway',
          controlId: 'CP-TX-04',
          justification: 'Partner VPN requires a LoadBalancer for now',
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        });
      expect(exemption.status).toBe(403);
    } finally {
      await backend.stop();
    }
  });
});

describe('compliance API with a conditional results policy', () => {
  it('shows only the services the policy allows', async () => {
    const backend = await startComplianceBackend({
      permissions: {
        authorizeConditional: async requests =>
          requests.map(() => ({
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: {},
            },
          })),
        authorize: async requests =>
          requests.map(r => ({
            result:
              !('resourceRef' in r) ||
              r.resourceRef === undefined ||
              r.resourceRef === 'component:default/fhir-gateway'
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      },
    });
    try {
      await request(backend.server)
        .post('/api/compliance/evaluate')
        .expect(201);
      const res = await request(backend.server).get('/api/compliance/results');
      expect(
        res.body.items.map((s: { entityRef: string }) => s.entityRef),
      ).toEqual(['component:default/fhir-gateway']);
      expect(res.body.summary.services).toHaveLength(1);
      await request(backend.server)
        .get('/api/compliance/results/component/default/intake-api')
        .expect(403);
    } finally {
      await backend.stop();
    }
  });
});
