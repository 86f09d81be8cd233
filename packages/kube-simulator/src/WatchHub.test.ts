import { makeInformer, V1ConfigMap, Watch } from '@kubernetes/client-node';
import {
  configMap,
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from './__testUtils__/simulatorFixture';

interface WatchLine {
  type: string;
  object: {
    kind?: string;
    code?: number;
    metadata: {
      name?: string;
      resourceVersion?: string;
      labels?: Record<string, string>;
    };
  };
}

/** Reads a watch stream until `done` says so or the server ends it. */
async function readWatch(
  res: Response,
  done: (events: WatchLine[]) => boolean = () => false,
): Promise<{ events: WatchLine[]; ended: boolean }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: WatchLine[] = [];
  let buffer = '';
  for (;;) {
    const { value, done: ended } = await reader.read();
    if (ended) return { events, ended: true };
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      events.push(JSON.parse(buffer.slice(0, newline)));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
    if (done(events)) {
      await reader.cancel();
      return { events, ended: false };
    }
  }
}

describe('watch', () => {
  let f: SimulatorFixture;
  beforeEach(async () => {
    f = await startSimulatorFixture({ historySize: 50 });
  });
  afterEach(() => f.stop());

  it('resumes from a resourceVersion, replaying what happened after it', async () => {
    const first = f.cluster.apply(configMap('a'));
    f.cluster.apply(configMap('b'));
    f.cluster.apply({ ...configMap('a'), data: { key: 'changed' } });
    f.cluster.delete({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: 'default',
      name: 'b',
    });
    const res = await f.request(
      `/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${first.metadata.resourceVersion}`,
    );
    const { events } = await readWatch(res, e => e.length >= 3);
    expect(events.map(e => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'ADDED b',
      'MODIFIED a',
      'DELETED b',
    ]);
  });

  it('answers a resourceVersion older than the history with an ERROR 410 event, and lists with 410', async () => {
    f.cluster.apply(configMap('first'));
    await f.cluster.settled();
    const page = await f.core.listNamespacedConfigMap({
      namespace: 'default',
      limit: 1,
    });
    const rv = page.metadata!.resourceVersion!;
    // Overflow the 50-event ring.
    for (let i = 0; i < 60; i++) f.cluster.apply(configMap(`cm-${i}`));
    const res = await f.request(
      `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${rv}`,
    );
    expect(res.status).toBe(200);
    const { events, ended } = await readWatch(res);
    expect(ended).toBe(true);
    expect(events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
        }),
      },
    ]);
    const expired = await f.request(
      `/api/v1/namespaces/default/configmaps?limit=1&continue=${encodeURIComponent(
        page.metadata!._continue!,
      )}`,
    );
    expect(expired.status).toBe(410);
    expect((await expired.json()).reason).toBe('Expired');
  });

  it('sends bookmarks carrying only the resourceVersion', async () => {
    const res = await f.request(
      `/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=${f.cluster.store.resourceVersion}`,
    );
    const { events } = await readWatch(res, e =>
      e.some(x => x.type === 'BOOKMARK'),
    );
    const bookmark = events.find(e => e.type === 'BOOKMARK')!;
    expect(bookmark.object).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(f.cluster.store.resourceVersion) },
    });
  });

  it('ends the stream cleanly after timeoutSeconds', async () => {
    const started = Date.now();
    const res = await f.request(
      '/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1',
    );
    const { ended } = await readWatch(res);
    expect(ended).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('filters events by label and field selectors, including objects leaving the selection', async () => {
    const res = await f.request(
      `/api/v1/namespaces/default/configmaps?watch=1&labelSelector=team%3Dblue&fieldSelector=metadata.name!%3Dskip&resourceVersion=${f.cluster.store.resourceVersion}`,
    );
    const reading = readWatch(res, e => e.length >= 3);
    f.cluster.apply(configMap('red', { labels: { team: 'red' } }));
    f.cluster.apply(configMap('skip', { labels: { team: 'blue' } }));
    f.cluster.apply(configMap('blue', { labels: { team: 'blue' } }));
    f.cluster.apply(configMap('red', { labels: { team: 'blue' } }));
    f.cluster.apply(configMap('blue', { labels: { team: 'green' } }));
    const { events } = await reading;
    expect(events.map(e => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'ADDED blue',
      'ADDED red',
      'DELETED blue',
    ]);
  });

  it('works with the client-node Watch and makeInformer, across dropped connections and expired history', async () => {
    const path = '/api/v1/namespaces/default/configmaps';
    const informer = makeInformer<V1ConfigMap>(f.kubeConfig, path, () =>
      f.core.listNamespacedConfigMap({ namespace: 'default' }),
    );
    const names = new Set<string>();
    informer.on('add', o => names.add(o.metadata!.name!));
    informer.on('delete', o => names.delete(o.metadata!.name!));
    informer.on('error', () => setTimeout(() => informer.start(), 10));
    await informer.start();
    f.cluster.apply(configMap('one'));
    await eventually(() => names.has('one'));
    expect(f.cluster.dropWatches()).toBeGreaterThan(0);
    f.cluster.apply(configMap('two'));
    await eventually(() => names.has('two'));
    f.cluster.expireHistory();
    f.cluster.dropWatches();
    f.cluster.apply(configMap('three'));
    f.cluster.delete({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: 'default',
      name: 'one',
    });
    await eventually(() => names.has('three') && !names.has('one'));
    await informer.stop();

    const seen: string[] = [];
    const controller = await new Watch(f.kubeConfig).watch(
      path,
      {},
      (type, obj) => seen.push(`${type} ${obj.metadata.name}`),
      () => {},
    );
    await eventually(() => seen.includes('ADDED three'));
    controller.abort();
  });
});
