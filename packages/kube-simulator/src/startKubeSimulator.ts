import { writeFile } from 'node:fs/promises';
import { defaultTokens, TokenGrant } from './Authorizer';
import {
  CertificateAuthority,
  KeyAndCertificate,
} from './CertificateAuthority';
import { Clock, systemClock } from './Clock';
import { SimulationSettings } from './controllers/ControllerContext';
import { ControlApi } from './ControlApi';
import { demoClusterNames, seedDemoFleet } from './fleet/seedDemoFleet';
import { seedScaleFleet } from './fleet/seedScaleFleet';
import { kubeconfigFor } from './kubeconfigFor';
import { Logger, silentLogger } from './Logger';
import { SimulatedCluster } from './SimulatedCluster';

/** Which objects the clusters start with. */
export type FleetSpec = 'demo' | 'empty' | `scale:${number}`;

/** Options of {@link startKubeSimulator}. */
export interface KubeSimulatorOptions {
  /** Cluster names, or how many clusters. Defaults to the demo's three names, or one for `empty`. */
  clusters?: number | Array<{ name: string }>;
  /** The seed. Defaults to `empty`. */
  fleet?: FleetSpec;
  /** Listen address. Defaults to 127.0.0.1. */
  host?: string;
  /**
   * Base port: cluster i serves plain HTTP on `port + i`, HTTPS on
   * `port + 100 + i`, and the control API is on `port - 1`. Defaults to
   * 6443. With 0 every listener gets a free port.
   */
  port?: number;
  /** Base HTTPS port, or false for no HTTPS. Defaults to `port + 100`. */
  httpsPort?: number | false;
  /** Control API port, or false for none. Defaults to `port - 1`. */
  controlPort?: number | false;
  /** Bearer tokens every cluster accepts. Defaults to {@link defaultTokens}. */
  tokens?: TokenGrant[];
  /** Time from scheduling to running and ready. Defaults to 1500 ms. */
  podReadyDelayMs?: number;
  /** Period of crash-loop restarts, pull retries and probe failures. Defaults to 10 s. */
  failureIntervalMs?: number;
  /** How long Job pods run. Defaults to 5 s. */
  jobDurationMs?: number;
  clock?: Clock;
  /** Watch events kept for resuming. Defaults to 10,000 per cluster. */
  historySize?: number;
  /** Bookmark period for watches that allow them. Defaults to 60 s. */
  bookmarkIntervalMs?: number;
  /** Request bodies above this answer 413. Defaults to 3 MiB. */
  maxBodyBytes?: number;
  /** Events kept per cluster. Defaults to 5,000. */
  maxEvents?: number;
  /** Namespaces the `scale:N` fleet spreads over. Defaults to 20. */
  scaleNamespaces?: number;
  /** Simulated nodes per cluster. Defaults to 3. */
  nodeCount?: number;
  logger?: Logger;
  /** Random source for the error-rate fault. */
  random?: () => number;
}

/** The public facts about one running cluster. */
export interface ClusterInfo {
  name: string;
  url: string;
  httpsUrl?: string;
  caData: string;
  tokens: TokenGrant[];
}

/** A running simulator. */
export interface KubeSimulator {
  readonly clusters: ClusterInfo[];
  /** The control API base URL, if served. */
  readonly controlUrl?: string;
  cluster(name: string): SimulatedCluster;
  /** A kubeconfig for all clusters (see {@link kubeconfigFor}). */
  kubeconfig(options?: { currentContext?: string }): string;
  writeKubeconfig(
    path: string,
    options?: { currentContext?: string },
  ): Promise<void>;
  /** Waits until every cluster's controllers are idle. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

let sharedAuthority: CertificateAuthority | undefined;
let sharedServerCertificate: KeyAndCertificate | undefined;

function clusterNames(options: KubeSimulatorOptions): string[] {
  if (Array.isArray(options.clusters)) return options.clusters.map(c => c.name);
  const fleet = options.fleet ?? 'empty';
  const count =
    options.clusters ?? (fleet === 'empty' ? 1 : demoClusterNames.length);
  return Array.from(
    { length: count },
    (_, i) => demoClusterNames[i] ?? `cluster-${i + 1}`,
  );
}

/** Parses `demo`, `empty` or `scale:N`; throws on anything else. */
export function parseFleet(text: string): FleetSpec {
  if (text === 'demo' || text === 'empty') return text;
  const m = /^scale:(\d+)$/.exec(text);
  if (m && Number(m[1]) > 0) return `scale:${Number(m[1])}`;
  throw new Error(`unknown fleet "${text}" (expected demo, empty or scale:N)`);
}

/**
 * Starts simulated Kubernetes clusters serving the real API over HTTP and
 * HTTPS, seeded with a fleet, plus the control API.
 */
export async function startKubeSimulator(
  options: KubeSimulatorOptions = {},
): Promise<KubeSimulator> {
  const host = options.host ?? '127.0.0.1';
  const base = options.port ?? 6443;
  const names = clusterNames(options);
  if (new Set(names).size !== names.length)
    throw new Error('cluster names must be unique');
  const tokens = options.tokens ?? defaultTokens;
  const logger = options.logger ?? silentLogger;
  const fleet = options.fleet ?? 'empty';
  const isScale = fleet.startsWith('scale:');
  // One CA and serving certificate per process: RSA key generation is the
  // slowest part of start-up, and every cluster listens on 127.0.0.1.
  sharedAuthority ??= CertificateAuthority.create({
    commonName: 'kube-simulator-ca',
  });
  const ca = sharedAuthority;
  sharedServerCertificate ??= ca.issueServerCertificate({
    dnsNames: [
      'localhost',
      'kubernetes',
      'kubernetes.default',
      'kubernetes.default.svc',
    ],
    ips: ['127.0.0.1', '::1'],
  });
  const serverCertificate =
    options.httpsPort === false ? undefined : sharedServerCertificate;
  const settings: SimulationSettings = {
    podReadyDelayMs: options.podReadyDelayMs ?? 1500,
    failureIntervalMs: options.failureIntervalMs ?? 10_000,
    jobDurationMs: options.jobDurationMs ?? 5_000,
  };
  const clusters = names.map((name, i) => {
    const httpsBase =
      options.httpsPort === false
        ? undefined
        : options.httpsPort ?? (base === 0 ? 0 : base + 100);
    return new SimulatedCluster({
      name,
      host,
      httpPort: base === 0 ? 0 : base + i,
      httpsPort: httpsBase && httpsBase + i,
      ca,
      serverCertificate,
      tokens,
      clock: options.clock ?? systemClock,
      logger,
      settings: { ...settings },
      historySize: options.historySize ?? 10_000,
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
      maxBodyBytes: options.maxBodyBytes ?? 3 * 1024 * 1024,
      maxEvents: options.maxEvents ?? 5_000,
      recordNormalEvents: !isScale,
      maintainEndpoints: !isScale,
      nodeCount: options.nodeCount ?? 3,
      random: options.random,
    });
  });
  const control =
    options.controlPort === false
      ? undefined
      : new ControlApi({
          clusters,
          tokens,
          host,
          port: options.controlPort ?? (base === 0 ? 0 : base - 1),
          logger,
        });
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    if (fleet === 'demo') await seedDemoFleet({ clusters, settings });
    else if (isScale)
      await seedScaleFleet({
        clusters,
        services: Number(fleet.slice('scale:'.length)),
        settings,
        namespaces: options.scaleNamespaces,
      });
    for (const cluster of clusters) {
      started.push(cluster);
      await cluster.start();
    }
    if (control) {
      started.push(control);
      await control.start();
    }
  } catch (error) {
    for (const cluster of clusters) await cluster.stop();
    if (control) await control.stop();
    throw error;
  }
  const infos = (): ClusterInfo[] =>
    clusters.map(c => ({
      name: c.name,
      url: c.url,
      httpsUrl: c.httpsUrl,
      caData: c.caData,
      tokens: c.tokens,
    }));
  const kubeconfig = (opts: { currentContext?: string } = {}) =>
    kubeconfigFor({ clusters: infos(), currentContext: opts.currentContext });
  return {
    clusters: infos(),
    controlUrl: control?.url,
    cluster(name: string) {
      const found = clusters.find(c => c.name === name);
      if (!found)
        throw new Error(`no cluster named "${name}"; have ${names.join(', ')}`);
      return found;
    },
    kubeconfig,
    async writeKubeconfig(path, opts) {
      await writeFile(path, kubeconfig(opts), { mode: 0o600 });
    },
    async settled() {
      await Promise.all(clusters.map(c => c.settled()));
    },
    async stop() {
      if (control) await control.stop();
      await Promise.all(clusters.map(c => c.stop()));
    },
  };
}
