/* eslint-disable no-console */
/* eslint-disable @backstage/no-undeclared-imports */
/*
 * Fleet benchmark (not a jest test): the watch cache against Backstage's
 * upstream per-entity Kubernetes backend over the same simulated clusters.
 *
 *   node --expose-gc --require ./node_modules/@backstage/cli/config/nodeTransform.cjs \
 *     plugins/fleet-backend/src/bench/fleet.bench.ts --out fleet-bench.json [--services 2000]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import v8 from 'node:v8';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import type { ServiceListResponse } from '@carepath/plugin-fleet-common';
// The same forwarding as the tests' fault proxy.
// eslint-disable-next-line no-restricted-imports
import { forwardRequest } from '../__testUtils__/forwardRequest';
import { FleetCache } from '../cache/FleetCache';
import { ClusterSource } from '../clusters/ClusterSource';
import { catalogServiceFromEntity } from '../service/CatalogService';
import { fleetPlugin } from '../plugin';
import { releaseSharedValues } from '../watch/ValuePool';

const ID = 'backstage.io/kubernetes-id';

const SIM_PORT = 17443;
const READ_TOKEN = 'carepath-embedded-readonly';
const ADMIN_TOKEN = 'carepath-embedded-admin';
const CLUSTER_NAMES = ['prod-east', 'prod-west', 'staging'];

interface SimulatorProcess {
  clusters: Array<{ name: string; url: string }>;
  controlUrl: string;
  child: ChildProcess;
}

/** Runs the simulator in its own process so its work skews neither latency nor heap. */
let simulatorChild: ChildProcess | undefined;

function startSimulatorProcess(services: number): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      require.resolve('@carepath/kube-simulator/src/cli.ts'),
      '--fleet',
      `scale:${services}`,
      '--port',
      String(SIM_PORT),
      '--https-port',
      'off',
      '--kubeconfig',
      '/tmp/fleet-bench-kubeconfig',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  simulatorChild = child;
  return new Promise((resolve, reject) => {
    child.on('exit', code =>
      reject(new Error(`simulator exited with ${code}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      if (String(chunk).includes('kube-simulator ready')) {
        resolve({
          clusters: CLUSTER_NAMES.map((name, i) => ({
            name,
            url: `http://127.0.0.1:${SIM_PORT + i}`,
          })),
          controlUrl: `http://127.0.0.1:${SIM_PORT - 1}`,
          child,
        });
      }
    });
  });
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Counts requests to an API server by forwarding them. */
async function countingProxy(target: string) {
  const counter = { requests: 0 };
  const url = new URL(target);
  const server = http.createServer((req, res) => {
    counter.requests += 1;
    forwardRequest(url, req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, counter, server };
}

function entities(count: number): Entity[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `svc-${String(i).padStart(5, '0')}`;
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default', annotations: { [ID]: name } },
      spec: {
        type: 'service',
        owner: `team-${i % 20}`,
        lifecycle: 'production',
        system: `system-${i % 50}`,
      },
    };
  });
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

/** CPU time (user + system, this process: server and client) per call, in ms. */
async function cpuPerCall(count: number, fn: (i: number) => Promise<unknown>) {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await fn(i);
  const used = process.cpuUsage(before);
  return round((used.user + used.system) / 1000 / count);
}

async function json(url: string, init?: RequestInit) {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (error) {
    // A kept-alive connection the server closed as the request went out
    // (the event loop can be busy for seconds while the cache syncs): one
    // retry on a fresh connection, for reads only.
    if (init?.method && init.method !== 'GET') throw error;
    res = await fetch(url, init);
  }
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

const collect = (global as { gc?: () => void }).gc;

/**
 * Heap in use once garbage is gone: full collections, each after the event
 * loop has turned (weak references and finalizers only let go between
 * turns), until two readings agree within 0.5 %; the smallest reading.
 */
async function settledHeap(): Promise<number> {
  let best = Infinity;
  for (let reading = 0; reading < 10; reading++) {
    await new Promise(r => setTimeout(r, 50));
    collect?.();
    const used = process.memoryUsage().heapUsed;
    if (Math.abs(used - best) / used < 0.005) return Math.min(best, used);
    best = Math.min(best, used);
  }
  return best;
}

/** Heap in use by data (old, new and large-object spaces), not by code. */
function dataHeap(): number {
  return v8
    .getHeapSpaceStatistics()
    .filter(s =>
      [
        'old_space',
        'new_space',
        'large_object_space',
        'new_large_object_space',
      ].includes(s.space_name),
    )
    .reduce((sum, s) => sum + s.space_used_size, 0);
}

/**
 * What the watch cache holds per pod: the data heap with the cache synced,
 * minus the data heap once the cache is stopped and released (its sharing
 * pools included), both after full collections. Measuring against the heap
 * before the cache was built instead also counts one-time process costs
 * (modules and code first used while syncing), reported apart.
 */
async function measureHeap(sim: SimulatorProcess, catalog: Entity[]) {
  const withGc = Boolean(collect);
  await settledHeap();
  const atStart = dataHeap();
  let cache: FleetCache | undefined = new FleetCache({
    clusters: sim.clusters.map((c, i) =>
      ClusterSource.parseCluster({
        path: `bench[${i}]`,
        raw: {
          name: c.name,
          url: c.url,
          serviceAccountToken: READ_TOKEN,
        },
      }),
    ),
    logger: mockServices.rootLogger({ level: 'none' }),
    requestTimeoutMs: 60_000,
  });
  const services = catalog.map(e => catalogServiceFromEntity(e)!);
  const started = performance.now();
  cache.start();
  cache.setServices(services);
  while (!cache.clusterStates().every(s => s.state === 'synced')) {
    await new Promise(r => setTimeout(r, 100));
  }
  const syncMs = performance.now() - started;
  cache.flush();
  const states = cache.clusterStates();
  const pods = states.reduce((n, s) => n + (s.resourceCounts.Pod ?? 0), 0);
  const objects = states.reduce(
    (n, s) =>
      n + Object.values(s.resourceCounts).reduce((a, b) => a + (b ?? 0), 0),
    0,
  );
  const healthy = cache
    .services()
    .filter(s => s.health.status === 'Healthy').length;
  // Let in-flight watch and list buffers drain before measuring.
  await new Promise(r => setTimeout(r, 1000));
  await settledHeap();
  const withCache = dataHeap();
  await cache.stop();
  cache = undefined;
  releaseSharedValues();
  await settledHeap();
  const released = dataHeap();
  return {
    withGc,
    syncMs: Math.round(syncMs),
    pods,
    objects,
    healthy,
    heapDeltaBytes: withCache - released,
    bytesPerPod: Math.round((withCache - released) / pods),
    processGrowthBytesPerPod: Math.round((withCache - atStart) / pods),
  };
}

async function main() {
  const out = arg('out', 'fleet-bench.json');
  const serviceCount = Number(arg('services', '2000'));
  const samples = Number(arg('samples', '200'));
  console.log(`Seeding ${serviceCount} services over 3 clusters...`);
  const [seedMs, sim] = await time(() => startSimulatorProcess(serviceCount));
  console.log(`Seeded in ${Math.round(seedMs)} ms`);
  const catalog = entities(serviceCount);

  console.log('Measuring cache heap...');
  const heap = await measureHeap(sim, catalog);
  console.log(heap);

  const proxies = await Promise.all(
    sim.clusters.map(c => countingProxy(c.url)),
  );
  const clusters = sim.clusters.map((c, i) => ({
    name: c.name,
    url: proxies[i].url,
    authProvider: 'serviceAccount',
    serviceAccountToken: 'carepath-embedded-readonly',
    skipTLSVerify: false,
    skipMetricsLookup: true,
  }));
  const backend = await startTestBackend({
    features: [
      fleetPlugin,
      import('@backstage/plugin-kubernetes-backend'),
      catalogServiceMock.factory({ entities: catalog }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [{ type: 'config', clusters }],
          },
          fleet: { requestTimeout: { seconds: 60 } },
        },
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({ async publish() {} }),
      }),
    ],
  });
  const base = `http://127.0.0.1:${
    (backend.server.address() as AddressInfo).port
  }`;
  const apiRequests = () => proxies.reduce((n, p) => n + p.counter.requests, 0);

  console.log('Waiting for the fleet cache to sync...');
  for (;;) {
    const list = (await json(
      `${base}/api/fleet/services?limit=1&health=Healthy`,
    )) as ServiceListResponse;
    if (list.totalItems >= serviceCount * 0.99) break;
    const states = (await json(`${base}/api/fleet/clusters`)) as {
      items: Array<{ name: string; state: string; lastError?: string }>;
    };
    console.log(
      `  ${list.totalItems} healthy; ${states.items
        .map(
          c => `${c.name} ${c.state}${c.lastError ? ` (${c.lastError})` : ''}`,
        )
        .join(', ')}`,
    );
    await new Promise(r => setTimeout(r, 2000));
  }

  // Let the initial recompute finish; the periodic one still runs during the measurements.
  await new Promise(r => setTimeout(r, 5000));

  // Fleet page view: GET /services (default page, and the whole fleet).
  const fleetTimes: number[] = [];
  const fleetAllTimes: number[] = [];
  const beforeView = apiRequests();
  // Measured apart: the full list's garbage would otherwise land on the
  // default page's collections.
  for (let i = 0; i < 50; i++) {
    fleetTimes.push((await time(() => json(`${base}/api/fleet/services`)))[0]);
  }
  let fullListBytes = 0;
  for (let i = 0; i < 50; i++) {
    const [ms, body] = await time(() =>
      json(`${base}/api/fleet/services?limit=5000`),
    );
    fleetAllTimes.push(ms);
    fullListBytes = JSON.stringify(body).length;
  }
  const fleetApiCalls = (apiRequests() - beforeView) / 100;
  const fleetCpu = await cpuPerCall(20, () =>
    json(`${base}/api/fleet/services`),
  );
  const fleetAllCpu = await cpuPerCall(20, () =>
    json(`${base}/api/fleet/services?limit=5000`),
  );

  // Per-service: ours vs upstream's POST /api/kubernetes/services/:serviceId.
  // Same client, same entities, both warmed up first (connections, JIT,
  // upstream's cluster clients). Measured in alternating blocks, so both see
  // the same machine load and background work while each one's garbage
  // collections land on its own requests (as for GET /services above):
  // upstream allocates tens of megabytes a request, and interleaved request
  // by request its collections would be timed as ours.
  const ours = (entity: Entity) =>
    json(
      `${base}/api/fleet/services/component/default/${entity.metadata.name}`,
    );
  const upstream = (entity: Entity) =>
    json(`${base}/api/kubernetes/services/${entity.metadata.name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entity }),
    });
  const picks = Array.from(
    { length: samples },
    (_, i) => catalog[(i * 7919) % serviceCount],
  );
  for (const entity of picks.slice(0, 20)) {
    await ours(entity);
    await upstream(entity);
  }
  const oursDetail: number[] = [];
  const upstreamDetail: number[] = [];
  const beforeUpstream = apiRequests();
  const block = 50;
  for (let start = 0; start < picks.length; start += block) {
    const blockPicks = picks.slice(start, start + block);
    for (const entity of blockPicks) {
      oursDetail.push((await time(() => ours(entity)))[0]);
    }
    for (const entity of blockPicks) {
      upstreamDetail.push((await time(() => upstream(entity)))[0]);
    }
  }
  const upstreamCallsPerEntity =
    (apiRequests() - beforeUpstream) / picks.length;
  const upstreamMean =
    upstreamDetail.reduce((a, b) => a + b, 0) / upstreamDetail.length;
  const oursDetailCpu = await cpuPerCall(picks.length, i => ours(picks[i]));
  const upstreamDetailCpu = await cpuPerCall(20, i => upstream(picks[i]));

  // Change -> visible: put a pod of a service into CrashLoopBackOff.
  const flips: number[] = [];
  for (let i = 0; i < 20; i++) {
    const index = (i * 97 + 13) % serviceCount;
    const name = `svc-${String(index).padStart(5, '0')}`;
    const namespace = `team-${String(index % 20).padStart(2, '0')}`;
    const cluster = sim.clusters[index % sim.clusters.length];
    const read = { headers: { Authorization: `Bearer ${READ_TOKEN}` } };
    const selector = encodeURIComponent(`${ID}=${name}`);
    const pods = (await json(
      `${cluster.url}/api/v1/namespaces/${namespace}/pods?labelSelector=${selector}`,
      read,
    )) as { items: Array<{ metadata: { name: string } }> };
    const pod = pods.items[0];
    if (!pod) continue;
    // The simulated kubelet crash-loops the pod; the clock starts when the
    // API server's copy first shows CrashLoopBackOff.
    await json(`${sim.controlUrl}/clusters/${cluster.name}/scenarios`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ADMIN_TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        kind: 'Pod',
        namespace,
        name: pod.metadata.name,
        scenario: 'crashloop',
      }),
    });
    const deadline = performance.now() + 30_000;
    for (;;) {
      const current = await json(
        `${cluster.url}/api/v1/namespaces/${namespace}/pods/${pod.metadata.name}`,
        read,
      );
      if (JSON.stringify(current).includes('CrashLoopBackOff')) break;
      if (performance.now() > deadline) break;
      await new Promise(r => setTimeout(r, 2));
    }
    const started = performance.now();
    for (;;) {
      const list = (await json(
        `${base}/api/fleet/services?q=${name}`,
      )) as ServiceListResponse;
      if (list.items[0]?.health.status === 'Degraded') break;
      if (performance.now() - started > 10_000) break;
      await new Promise(r => setTimeout(r, 5));
    }
    flips.push(performance.now() - started);
  }

  const result = {
    services: serviceCount,
    pods: heap.pods,
    seedMs: Math.round(seedMs),
    fleet: {
      servicesDefaultPageP50Ms: round(percentile(fleetTimes, 50)),
      servicesDefaultPageP95Ms: round(percentile(fleetTimes, 95)),
      servicesAllP50Ms: round(percentile(fleetAllTimes, 50)),
      servicesAllP95Ms: round(percentile(fleetAllTimes, 95)),
      servicesAllResponseBytes: fullListBytes,
      apiServerCallsPerPageView: fleetApiCalls,
      perServiceP50Ms: round(percentile(oursDetail, 50)),
      perServiceP95Ms: round(percentile(oursDetail, 95)),
      cpuMsPerDefaultPage: fleetCpu,
      cpuMsPerFullList: fleetAllCpu,
      cpuMsPerService: oursDetailCpu,
      changeToVisibleP50Ms: round(percentile(flips, 50)),
      changeToVisibleP95Ms: round(percentile(flips, 95)),
      cacheSyncMs: heap.syncMs,
      cacheHeapBytes: heap.heapDeltaBytes,
      cacheBytesPerPod: heap.bytesPerPod,
      processHeapGrowthBytesPerPod: heap.processGrowthBytesPerPod,
      heapMeasuredWithGc: heap.withGc,
    },
    upstream: {
      sampledServices: picks.length,
      perServiceP50Ms: round(percentile(upstreamDetail, 50)),
      perServiceP95Ms: round(percentile(upstreamDetail, 95)),
      cpuMsPerService: upstreamDetailCpu,
      apiServerCallsPerService: upstreamCallsPerEntity,
      allServicesExtrapolatedMs: Math.round(upstreamMean * serviceCount),
      apiServerCallsForAllServicesExtrapolated: Math.round(
        upstreamCallsPerEntity * serviceCount,
      ),
    },
    loadAverage1m: round(os.loadavg()[0]),
    cpuCores: os.cpus().length,
    perServiceCpuRatio: round(upstreamDetailCpu / oursDetailCpu),
    perServiceSpeedup: round(
      percentile(upstreamDetail, 95) / percentile(oursDetail, 95),
    ),
  };
  console.table({
    'fleet GET /services (100) p50/p95 ms': `${result.fleet.servicesDefaultPageP50Ms} / ${result.fleet.servicesDefaultPageP95Ms}`,
    'fleet GET /services (all) p50/p95 ms': `${result.fleet.servicesAllP50Ms} / ${result.fleet.servicesAllP95Ms}`,
    'fleet API-server calls per page view':
      result.fleet.apiServerCallsPerPageView,
    'per-service p95 ms fleet / upstream': `${result.fleet.perServiceP95Ms} / ${result.upstream.perServiceP95Ms}`,
    'per-service p50 ms fleet / upstream': `${result.fleet.perServiceP50Ms} / ${result.upstream.perServiceP50Ms}`,
    'per-service speed-up (p95)': result.perServiceSpeedup,
    'per-service CPU ms fleet / upstream': `${result.fleet.cpuMsPerService} / ${result.upstream.cpuMsPerService}`,
    'CPU ms per GET /services (100) / (all)': `${result.fleet.cpuMsPerDefaultPage} / ${result.fleet.cpuMsPerFullList}`,
    'load average (1 min) / cores': `${result.loadAverage1m} / ${result.cpuCores}`,
    'upstream API-server calls per service':
      result.upstream.apiServerCallsPerService,
    [`upstream all ${serviceCount} services (extrapolated from ${picks.length}) ms`]:
      result.upstream.allServicesExtrapolatedMs,
    'change -> visible p50/p95 ms': `${result.fleet.changeToVisibleP50Ms} / ${result.fleet.changeToVisibleP95Ms}`,
    'cache heap bytes per pod (process growth)': `${result.fleet.cacheBytesPerPod} (${result.fleet.processHeapGrowthBytesPerPod})`,
  });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${out}`);
  await backend.stop();
  for (const p of proxies) p.server.close();
  sim.child.removeAllListeners('exit');
  sim.child.kill();
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  simulatorChild?.removeAllListeners('exit');
  simulatorChild?.kill();
  process.exit(1);
});
