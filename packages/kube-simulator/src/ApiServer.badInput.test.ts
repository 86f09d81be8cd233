import {
  configMap,
  SimulatorFixture,
  startSimulatorFixture,
} from './__testUtils__/simulatorFixture';

const json = { 'Content-Type': 'application/json' };

describe('ApiServer on bad input', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(() => f.stop());

  async function status(res: Response) {
    const body = await res.json();
    expect(body).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      code: res.status,
    });
    return body;
  }

  it('answers malformed JSON with 400 BadRequest', async () => {
    const res = await f.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: json,
      body: '{"apiVersion": "v1", kind: ',
    });
    expect(res.status).toBe(400);
    expect((await status(res)).reason).toBe('BadRequest');
  });

  it('answers malformed YAML with 400 BadRequest', async () => {
    const res = await f.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: { 'Content-Type': 'application/yaml' },
      body: 'apiVersion: v1\nkind: [ConfigMap\n  metadata: {',
    });
    expect(res.status).toBe(400);
    const apply = await f.request(
      '/api/v1/namespaces/default/configmaps/x?fieldManager=t',
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/apply-patch+yaml' },
        body: 'metadata: [:',
      },
    );
    expect(apply.status).toBe(400);
  });

  it('answers an unknown resource or kind with 404 NotFound', async () => {
    const res = await f.request(
      '/apis/example.com/v1/namespaces/default/widgets',
    );
    expect(res.status).toBe(404);
    expect((await status(res)).reason).toBe('NotFound');
    const wrongKind = await f.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Widget',
        metadata: { name: 'x' },
      }),
    });
    expect(wrongKind.status).toBe(400);
    const result = await f.kubectl(['apply', '-f', '-'], {
      input: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      /no matches for kind "Widget" in version "example.com\/v1"/,
    );
    const bad = await f.kubectl(['apply', '-f', '-'], {
      input: 'apiVersion: v1\nkind: ConfigMap\nmetadata: [oops\n',
    });
    expect(bad.code).not.toBe(0);
  });

  it('answers an invalid name with 422 Invalid naming the RFC 1123 rule', async () => {
    const res = await f.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(configMap('Bad_Name')),
    });
    expect(res.status).toBe(422);
    const body = await status(res);
    expect(body.reason).toBe('Invalid');
    expect(body.message).toContain(
      'ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain',
    );
    expect(body.details.causes[0]).toMatchObject({
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
    });
    const kubectl = await f.kubectl(['apply', '-f', '-'], {
      input: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: Not.Valid\n',
    });
    expect(kubectl.stderr).toMatch(
      /The Namespace "Not.Valid" is invalid: metadata.name: Invalid value: "Not.Valid": a lowercase RFC 1123 label/,
    );
  });

  it('answers invalid labels and missing required fields with 422', async () => {
    const badLabel = await f.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(configMap('ok', { labels: { 'bad key!': 'v' } })),
    });
    expect(badLabel.status).toBe(422);
    const noContainers = await f.request('/api/v1/namespaces/default/pods', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [] },
      }),
    });
    expect(noContainers.status).toBe(422);
    expect((await status(noContainers)).message).toContain(
      'spec.containers: Required value',
    );
  });

  it('answers a missing namespace with 404 and a mismatched one with 400', async () => {
    const res = await f.request('/api/v1/namespaces/nowhere/configmaps', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(configMap('x', { namespace: 'nowhere' })),
    });
    expect(res.status).toBe(404);
    expect((await status(res)).message).toBe('namespaces "nowhere" not found');
    const mismatch = await f.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(configMap('x', { namespace: 'kube-system' })),
    });
    expect(mismatch.status).toBe(400);
  });

  it('answers a huge body with 413 without reading it all', async () => {
    const huge = JSON.stringify(
      configMap('huge', { data: { blob: 'x'.repeat(1024 * 1024) } }),
    );
    const res = await f.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: json,
      body: huge,
    });
    expect(res.status).toBe(413);
    expect((await status(res)).reason).toBe('RequestEntityTooLarge');
    // Still serving afterwards.
    expect((await f.request('/api/v1/namespaces')).status).toBe(200);
  });

  it('answers unknown patch types with 415 and bad methods with 405', async () => {
    f.cluster.apply(configMap('target'));
    const res = await f.request(
      '/api/v1/namespaces/default/configmaps/target',
      { method: 'PATCH', headers: { 'Content-Type': 'text/plain' }, body: 'x' },
    );
    expect(res.status).toBe(415);
    expect((await status(res)).reason).toBe('UnsupportedMediaType');
    const post = await f.request(
      '/api/v1/namespaces/default/configmaps/target',
      { method: 'POST', headers: json, body: '{}' },
    );
    expect(post.status).toBe(405);
  });

  it('answers duplicates with 409 AlreadyExists', async () => {
    f.cluster.apply(configMap('dup'));
    const res = await f.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(configMap('dup')),
    });
    expect(res.status).toBe(409);
    expect((await status(res)).reason).toBe('AlreadyExists');
  });

  it('answers bad selectors and bad resourceVersions with 400', async () => {
    expect(
      (await f.request('/api/v1/pods?labelSelector=a%20in%20(')).status,
    ).toBe(400);
    expect(
      (await f.request('/api/v1/pods?fieldSelector=spec.bogus%3Dx')).status,
    ).toBe(400);
    expect(
      (await f.request('/api/v1/pods?watch=1&resourceVersion=abc')).status,
    ).toBe(400);
    expect((await f.request('/api/v1/pods?continue=not-a-token')).status).toBe(
      400,
    );
    const future = await f.request(
      `/api/v1/pods?resourceVersion=${f.cluster.store.resourceVersion + 1000}`,
    );
    expect(future.status).toBe(504);
    expect((await future.json()).details.causes[0].reason).toBe(
      'ResourceVersionTooLarge',
    );
  });

  it('stops reading a huge streamed body and answers 413', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(120);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit; the server must answer before the end.
        if (sent++ > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await f.request('/api/v1/namespaces/default/configmaps', {
      method: 'POST',
      headers: json,
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(1000);
  });

  it('answers malformed URL escapes with 400', async () => {
    expect((await f.request('/api/v1/namespaces/%E0%A4%A')).status).toBe(400);
  });
});
