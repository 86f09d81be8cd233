import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRecordedLifecycles } from './RecordedLifecycles';
import {
  RecordedLifecycleProcessor,
  recordedLifecycleAnnotation,
} from './RecordedLifecycleProcessor';

/** The scaffolder's lifecycle route as a local server whose answer the test sets. */
let answer: { status: number; lifecycle?: string | null } = { status: 200 };
const requests: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.url} ${req.headers.authorization ? 'token' : ''}`);
    res.statusCode = answer.status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ lifecycle: answer.lifecycle ?? null }));
  });
  await new Promise<void>(resolve => server.listen(0, resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise(resolve => server.close(resolve)));

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations: { a: 'b' } },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
});

function processor() {
  const logger = mockServices.logger.mock();
  return {
    logger,
    processor: new RecordedLifecycleProcessor({
      lifecycles: new HttpRecordedLifecycles({
        discovery: {
          getBaseUrl: async () => baseUrl,
          getExternalBaseUrl: async () => baseUrl,
        },
        auth: mockServices.auth(),
      }),
      logger,
    }),
  };
}

describe('RecordedLifecycleProcessor', () => {
  it('overlays the recorded lifecycle, asking with a service token, and leaves other entities alone', async () => {
    const { processor: p } = processor();
    answer = { status: 200, lifecycle: 'decommissioned' };
    const out = await p.postProcessEntity(component('lab-orders'));
    expect(out.spec?.lifecycle).toBe('decommissioned');
    expect(out.metadata.annotations).toEqual({
      a: 'b',
      [recordedLifecycleAnnotation]: 'decommissioned',
    });
    expect(requests.at(-1)).toBe(
      '/carepath/lifecycle?entityRef=component%3Adefault%2Flab-orders token',
    );
    answer = { status: 200, lifecycle: null };
    expect(await p.postProcessEntity(component('billing'))).toEqual(
      component('billing'),
    );
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'g' },
      spec: { type: 'team', children: [] },
    };
    const asked = requests.length;
    expect(await p.postProcessEntity(group)).toBe(group);
    expect(requests).toHaveLength(asked);
  });

  it('keeps the last lifecycle it read when the scaffolder does not answer, and says so', async () => {
    const { processor: p, logger } = processor();
    answer = { status: 200, lifecycle: 'deprecated' };
    await p.postProcessEntity(component('radiology'));
    answer = { status: 503 };
    const kept = await p.postProcessEntity(component('radiology'));
    expect(kept.spec?.lifecycle).toBe('deprecated');
    expect(logger.warn).toHaveBeenCalledWith(
      "Recorded lifecycle of component:default/radiology not read (the scaffolder's recorded lifecycle of component:default/radiology answered HTTP 503); keeping the last one read, deprecated",
    );
    const unknown = await p.postProcessEntity(component('oncology'));
    expect(unknown).toEqual(component('oncology'));
  });
});
