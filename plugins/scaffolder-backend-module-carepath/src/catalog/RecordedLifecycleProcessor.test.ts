import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRecordedLifecycles } from './RecordedLifecycles';
import {
  RecordedLifecycleProcessor,
  recordedLifecycleAnnotation,
} from './RecordedLifecycleProcessor';

/** The scaffolder's lifecycles route as a local server whose answer the test sets. */
let answer: { status: number; lifecycles?: Record<string, string> } = {
  status: 200,
};
const requests: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.url} ${req.headers.authorization ? 'token' : ''}`);
    res.statusCode = answer.status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ lifecycles: answer.lifecycles ?? {} }));
  });
  await new Promise<void>(resolve => server.listen(0, resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise(resolve => server.close(resolve)));
beforeEach(() => {
  requests.length = 0;
});

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations: { a: 'b' } },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
});

function processor(cacheMs: number) {
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
      cacheMs,
    }),
  };
}

describe('RecordedLifecycleProcessor', () => {
  it('overlays recorded lifecycles read once for many entities, with a service token, and leaves the rest alone', async () => {
    const { processor: p } = processor(60_000);
    answer = {
      status: 200,
      lifecycles: {
        'component:default/lab-orders': 'decommissioned',
        'component:default/pharmacy': 'deprecated',
      },
    };
    const [labOrders, pharmacy, billing] = await Promise.all([
      p.postProcessEntity(component('lab-orders')),
      p.postProcessEntity(component('pharmacy')),
      p.postProcessEntity(component('billing')),
    ]);
    expect(labOrders.spec?.lifecycle).toBe('decommissioned');
    expect(labOrders.metadata.annotations).toEqual({
      a: 'b',
      [recordedLifecycleAnnotation]: 'decommissioned',
    });
    expect(pharmacy.spec?.lifecycle).toBe('deprecated');
    expect(billing).toEqual(component('billing'));
    // Later entities use what was read.
    await p.postProcessEntity(component('radiology'));
    expect(requests).toEqual(['/carepath/lifecycles token']);

    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'g' },
      spec: { type: 'team', children: [] },
    };
    expect(await p.postProcessEntity(group)).toBe(group);
    expect(requests).toHaveLength(1);
  });

  it('reads again once the cache time has passed', async () => {
    const { processor: p } = processor(0);
    answer = {
      status: 200,
      lifecycles: { 'component:default/referrals': 'production' },
    };
    expect(
      (await p.postProcessEntity(component('referrals'))).metadata
        .annotations?.[recordedLifecycleAnnotation],
    ).toBe('production');
    answer = {
      status: 200,
      lifecycles: { 'component:default/referrals': 'deprecated' },
    };
    expect(
      (await p.postProcessEntity(component('referrals'))).spec?.lifecycle,
    ).toBe('deprecated');
    expect(requests).toHaveLength(2);
  });

  it('keeps the lifecycles it read last when the scaffolder does not answer, and says so once per try', async () => {
    const { processor: p, logger } = processor(0);
    answer = {
      status: 200,
      lifecycles: { 'component:default/radiology': 'deprecated' },
    };
    await p.postProcessEntity(component('radiology'));
    answer = { status: 503 };
    const [kept, other] = await Promise.all([
      p.postProcessEntity(component('radiology')),
      p.postProcessEntity(component('oncology')),
    ]);
    expect(kept.spec?.lifecycle).toBe('deprecated');
    expect(other).toEqual(component('oncology'));
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Recorded lifecycles not read \(the scaffolder's recorded lifecycles answered HTTP 503\); keeping the 1 read at \d{4}-\d\d-\d\dT[\d:.]+Z\. Trying again in 0 s\.$/,
      ),
    );
  });

  it('shows entities as their repositories describe them when nothing was ever read', async () => {
    const { processor: p, logger } = processor(0);
    answer = { status: 500 };
    expect(await p.postProcessEntity(component('oncology'))).toEqual(
      component('oncology'),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'entities show the lifecycle their repositories give',
      ),
    );
  });
});
