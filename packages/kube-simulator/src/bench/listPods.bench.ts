/* eslint-disable no-console */
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { startKubeSimulator } from '../startKubeSimulator';

/**
 * Seeds 100,000 pods (10,000 Deployments of 10 replicas through the real
 * controllers, in 5 namespaces of one cluster) and times full lists of one
 * namespace (20,000 pods) over HTTP. The simulator runs in a child process,
 * as it would in production, so client work does not skew the server's
 * figures. Usage:
 *
 *   node --require <backstage nodeTransform> src/bench/listPods.bench.ts [out.json]
 */

interface Timing {
  ms: number;
  bytes: number;
  items: number;
  parseMs: number;
}

function get(
  url: string,
  token: string,
): Promise<{ body: Buffer; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            body: Buffer.concat(chunks),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

interface ServerReady {
  url: string;
  token: string;
  seedMs: number;
  pods: number;
  rssMiB: number;
  heapUsedMiB: number;
  idleCpuPercent: number;
}

/** Child process: seed, serve, report, and wait to be killed. */
async function serve(services: number): Promise<void> {
  const started = Date.now();
  const sim = await startKubeSimulator({
    fleet: `scale:${services}`,
    clusters: 1,
    scaleNamespaces: 5,
    port: 0,
    controlPort: false,
    httpsPort: false,
    podReadyDelayMs: 0,
  });
  const cluster = sim.cluster(sim.clusters[0].name);
  global.gc?.();
  // Nothing changes now: the controllers should be idle. Give the garbage
  // collector a moment to finish after seeding, then measure 3 s.
  await new Promise(r => setTimeout(r, 1000));
  const cpuBefore = process.cpuUsage();
  await new Promise(r => setTimeout(r, 3000));
  const cpu = process.cpuUsage(cpuBefore);
  const memory = process.memoryUsage();
  const ready: ServerReady = {
    url: cluster.url,
    token: cluster.tokens[0].token,
    seedMs: Date.now() - started,
    pods: cluster.store.count('/pods'),
    rssMiB: Math.round(memory.rss / 2 ** 20),
    heapUsedMiB: Math.round(memory.heapUsed / 2 ** 20),
    idleCpuPercent:
      Math.round(((cpu.user + cpu.system) / 1000 / 3000) * 1000) / 10,
  };
  process.send?.(ready);
  // Server CPU time on request, so list cost is measured apart from load.
  process.on('message', message => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  process.on('disconnect', () => {
    sim.stop().then(() => process.exit(0));
  });
}

async function main(): Promise<void> {
  // `yarn bench` passes `--out <file>`; a bare path works too.
  const outFlag = process.argv.indexOf('--out');
  const out = outFlag >= 0 ? process.argv[outFlag + 1] : process.argv[2];
  const services = Number(process.env.BENCH_SERVICES ?? 10_000);
  const runs = Number(process.env.BENCH_RUNS ?? 10);
  const child = fork(__filename, [], {
    env: { ...process.env, KUBE_SIMULATOR_BENCH_SERVER: String(services) },
    execArgv: [...process.execArgv, '--expose-gc'],
  });
  const server = await new Promise<ServerReady>((resolve, reject) => {
    // The TypeScript loader also talks over IPC; wait for our message.
    child.on('message', m => {
      if (m && typeof m === 'object' && 'url' in m) resolve(m as ServerReady);
    });
    child.once('exit', code => reject(new Error(`server exited with ${code}`)));
  });
  try {
    const url = `${server.url}/api/v1/namespaces/team-00/pods`;
    const serverCpu = () =>
      new Promise<number>(resolve => {
        const onMessage = (m: unknown) => {
          if (m && typeof m === 'object' && 'cpu' in m) {
            child.off('message', onMessage);
            const { user, system } = (m as { cpu: NodeJS.CpuUsage }).cpu;
            resolve((user + system) / 1000);
          }
        };
        child.on('message', onMessage);
        child.send('cpu');
      });
    const timings: Timing[] = [];
    let warmCpuStart = 0;
    for (let i = 0; i < runs + 1; i++) {
      if (i === 1) warmCpuStart = await serverCpu();
      const { body, ms } = await get(url, server.token);
      const parseStarted = process.hrtime.bigint();
      const list = JSON.parse(body.toString('utf8')) as { items: unknown[] };
      const parseMs = Number(process.hrtime.bigint() - parseStarted) / 1e6;
      timings.push({
        ms,
        bytes: body.length,
        items: list.items.length,
        parseMs,
      });
    }
    const warmServerCpuMs = ((await serverCpu()) - warmCpuStart) / runs;
    // The first run fills the per-object JSON cache; it is reported apart.
    const [cold, ...warm] = timings;
    const sorted = warm.map(t => t.ms).sort((a, b) => a - b);
    const limited = await get(
      `${server.url}/api/v1/pods?limit=500`,
      server.token,
    );
    const selector = await get(
      `${server.url}/api/v1/pods?labelSelector=app.kubernetes.io%2Fname%3Dsvc-00042`,
      server.token,
    );
    const result = {
      benchmark: 'kube-simulator list pods',
      node: process.version,
      seed: { services, pods: server.pods, ms: server.seedMs },
      server: {
        rssMiB: server.rssMiB,
        heapUsedMiB: server.heapUsedMiB,
        idleCpuPercent: server.idleCpuPercent,
      },
      fullList: {
        items: warm[0].items,
        bytes: warm[0].bytes,
        coldMs: Math.round(cold.ms),
        runs: warm.length,
        serverCpuMsPerList: Math.round(warmServerCpuMs),
        minMs: Math.round(sorted[0]),
        medianMs: Math.round(percentile(sorted, 50)),
        p95Ms: Math.round(percentile(sorted, 95)),
        maxMs: Math.round(sorted[sorted.length - 1]),
        clientParseMedianMs: Math.round(
          warm.map(t => t.parseMs).sort((a, b) => a - b)[
            Math.floor(warm.length / 2)
          ],
        ),
      },
      pagedListFirst500Ms: Math.round(limited.ms),
      labelSelectorAllNamespacesMs: Math.round(selector.ms),
    };
    console.log(JSON.stringify(result, null, 2));
    if (out) await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    child.disconnect();
  }
}

const serverServices = process.env.KUBE_SIMULATOR_BENCH_SERVER;
(serverServices ? serve(Number(serverServices)) : main()).catch(error => {
  console.error(error);
  process.exit(1);
});
