import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryStore } from '../src/store.ts';
import {
  fhirHeaders,
  observation,
  patient,
  startTestServer,
  type TestServer,
} from './helpers.ts';

describe('FHIR API', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server.close());

  it('answers /healthz and /readyz without a token', async () => {
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
  });

  it('reports not ready when the database is unreachable', async () => {
    const store = new MemoryStore();
    store.ping = async () => {
      throw new Error('connection refused');
    };
    const broken = await startTestServer(store);
    try {
      assert.equal((await fetch(`${broken.url}/readyz`)).status, 503);
      assert.equal((await fetch(`${broken.url}/healthz`)).status, 200);
    } finally {
      await broken.close();
    }
  });

  it('refuses requests without a valid token with 401 and audits them', async () => {
    const before = server.audit().length;
    assert.equal((await fetch(`${server.url}/Patient/abc`)).status, 401);
    const wrongAudience = await server.token({ aud: 'another-api' });
    const res = await fetch(`${server.url}/Patient/abc`, {
      headers: fhirHeaders(wrongAudience),
    });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    const expired = await server.token({ expiresIn: '-10m' });
    assert.equal(
      (
        await fetch(`${server.url}/Patient/abc`, {
          headers: fhirHeaders(expired),
        })
      ).status,
      401,
    );
    const events = server.audit().slice(before);
    assert.equal(events.length, 3);
    assert.ok(
      events.every(e => e.outcome === 'unauthenticated' && e.subject === null),
    );
  });

  it('refuses access the token scopes do not allow with 403', async () => {
    const token = await server.token({ scope: 'user/Observation.read' });
    const res = await fetch(`${server.url}/Patient`, {
      method: 'POST',
      headers: fhirHeaders(token),
      body: JSON.stringify(patient),
    });
    assert.equal(res.status, 403);
    assert.equal(server.audit().at(-1)!.outcome, 'denied');
  });

  it('creates, reads and updates resources and audits each access without PHI', async () => {
    const token = await server.token({ sub: 'dr-house' });
    const created = await fetch(`${server.url}/Patient`, {
      method: 'POST',
      headers: fhirHeaders(token),
      body: JSON.stringify(patient),
    });
    assert.equal(created.status, 201);
    const stored = (await created.json()) as {
      id: string;
      meta: { versionId: string };
    };
    assert.equal(stored.meta.versionId, '1');

    const read = await fetch(`${server.url}/Patient/${stored.id}`, {
      headers: fhirHeaders(token),
    });
    assert.equal(read.status, 200);
    assert.deepEqual(
      ((await read.json()) as { name: unknown }).name,
      patient.name,
    );

    const updated = await fetch(`${server.url}/Patient/${stored.id}`, {
      method: 'PUT',
      headers: fhirHeaders(token),
      body: JSON.stringify({ ...patient, id: stored.id, active: true }),
    });
    assert.equal(updated.status, 200);

    const obs = await fetch(`${server.url}/Observation`, {
      method: 'POST',
      headers: fhirHeaders(token),
      body: JSON.stringify(observation(stored.id)),
    });
    assert.equal(obs.status, 201);

    const events = server.audit().filter(e => e.subject === 'dr-house');
    assert.deepEqual(
      events.map(e => [e.action, e.resourceType, e.outcome]),
      [
        ['create', 'Patient', 'success'],
        ['read', 'Patient', 'success'],
        ['update', 'Patient', 'success'],
        ['create', 'Observation', 'success'],
      ],
    );
    assert.ok(events.slice(0, 3).every(e => e.resourceId === stored.id));
    for (const event of events) {
      assert.ok(event.at && event.requestId && event.id);
    }
    // No PHI in the audit log or the application log. Timestamps are left
    // out of the search: 6.3 is in 12:00:16.3…, and they carry no content.
    for (const lines of [server.auditLines.text, server.logLines.text]) {
      const text = lines.replace(/"at":"[\dT:.Z-]+"/g, '"at":""');
      for (const phi of [
        'Rivera',
        'Alma',
        '999-12-3456',
        '1961-04-12',
        'Glucose',
        '6.3',
      ]) {
        assert.ok(!text.includes(phi), `log contains ${phi}`);
      }
    }
  });

  it('rejects invalid resources with an OperationOutcome that does not echo them', async () => {
    const token = await server.token();
    const res = await fetch(`${server.url}/Patient`, {
      method: 'POST',
      headers: fhirHeaders(token),
      body: JSON.stringify({
        ...patient,
        birthDate: 'not-a-date',
        ssn: '123-45-6789',
      }),
    });
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /OperationOutcome/);
    assert.doesNotMatch(body, /123-45-6789|not-a-date/);
    assert.equal(server.audit().at(-1)!.outcome, 'invalid');

    const badJson = await fetch(`${server.url}/Observation`, {
      method: 'POST',
      headers: fhirHeaders(token),
      body: '{',
    });
    assert.equal(badJson.status, 400);
  });

  it('answers 404 for unknown resources and types, audited as not-found', async () => {
    const token = await server.token();
    assert.equal(
      (
        await fetch(`${server.url}/Patient/does-not-exist`, {
          headers: fhirHeaders(token),
        })
      ).status,
      404,
    );
    assert.equal(server.audit().at(-1)!.outcome, 'not-found');
    assert.equal(
      (
        await fetch(`${server.url}/Medication/1`, {
          headers: fhirHeaders(token),
        })
      ).status,
      404,
    );
  });
});
