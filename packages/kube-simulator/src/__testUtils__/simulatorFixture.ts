import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import { SimulatedCluster } from '../SimulatedCluster';
import {
  KubeSimulator,
  KubeSimulatorOptions,
  startKubeSimulator,
} from '../startKubeSimulator';
import { KubeObject } from '../types';

/** The result of one kubectl run. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A running simulator with clients wired to its first cluster. */
export interface SimulatorFixture {
  sim: KubeSimulator;
  cluster: SimulatedCluster;
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  objects: KubernetesObjectApi;
  kubeconfigPath: string;
  /** Runs the real kubectl against the cluster (HTTPS context). */
  kubectl(
    args: string[],
    options?: { input?: string; token?: 'admin' | 'readonly' },
  ): Promise<KubectlResult>;
  /** A raw request over plain HTTP with the admin token (or the given one). */
  request(
    path: string,
    init?: RequestInit & { token?: string | null },
  ): Promise<Response>;
  stop(): Promise<void>;
}

const kubectlPath = '/usr/bin/kubectl';

/**
 * Starts a simulator for a test: ephemeral ports, instant pods and short
 * failure intervals, one cluster named `test` unless told otherwise.
 */
export async function startSimulatorFixture(
  options: KubeSimulatorOptions = {},
): Promise<SimulatorFixture> {
  const sim = await startKubeSimulator({
    clusters: [{ name: 'test' }],
    port: 0,
    podReadyDelayMs: 0,
    failureIntervalMs: 30,
    jobDurationMs: 20,
    bookmarkIntervalMs: 100,
    ...options,
  });
  const cluster = sim.cluster(sim.clusters[0].name);
  const dir = await mkdtemp(join(tmpdir(), 'kube-simulator-test-'));
  const kubeconfigPath = join(dir, 'kubeconfig');
  await sim.writeKubeconfig(kubeconfigPath);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(sim.kubeconfig());
  const adminToken = cluster.tokens.find(t => t.role === 'admin')?.token ?? '';
  const readonlyToken =
    cluster.tokens.find(t => t.role === 'read-only')?.token ?? '';
  return {
    sim,
    cluster,
    kubeConfig,
    core: kubeConfig.makeApiClient(CoreV1Api),
    apps: kubeConfig.makeApiClient(AppsV1Api),
    objects: KubernetesObjectApi.makeApiClient(kubeConfig),
    kubeconfigPath,
    kubectl(args, opts = {}) {
      const extra = opts.token === 'readonly' ? ['--token', readonlyToken] : [];
      return new Promise(resolve => {
        const child = execFile(
          kubectlPath,
          [...extra, ...args],
          {
            env: {
              PATH: process.env.PATH ?? '',
              HOME: dir,
              KUBECONFIG: kubeconfigPath,
              KUBECACHEDIR: join(dir, 'cache'),
            },
            timeout: 20_000,
          },
          (error, stdout, stderr) => {
            let code = 0;
            if (error) code = typeof error.code === 'number' ? error.code : 1;
            resolve({ code, stdout, stderr });
          },
        );
        child.stdin?.end(opts.input ?? '');
      });
    },
    request(path, init = {}) {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      const bearer = token === undefined ? adminToken : token;
      if (bearer !== null) headers.set('Authorization', `Bearer ${bearer}`);
      return fetch(`${cluster.url}${path}`, { ...rest, headers });
    },
    async stop() {
      await sim.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value that is not undefined/false. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `condition not met within ${timeoutMs} ms${
          last ? `: ${String(last)}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 10));
  }
}

/** Writes a manifest to a temporary file and returns its path. */
export async function manifestFile(
  dir: string,
  name: string,
  text: string,
): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** A Deployment fixture. */
export function deployment(options: {
  name: string;
  namespace?: string;
  replicas?: number;
  image?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  templateAnnotations?: Record<string, string>;
}): KubeObject {
  const labels = options.labels ?? { app: options.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: options.name,
      namespace: options.namespace ?? 'default',
      labels,
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: {
      replicas: options.replicas ?? 2,
      selector: { matchLabels: labels },
      template: {
        metadata: {
          labels,
          ...(options.templateAnnotations
            ? { annotations: options.templateAnnotations }
            : {}),
        },
        spec: {
          containers: [
            {
              name: 'app',
              image: options.image ?? 'registry.example/app:1.0.0',
            },
          ],
        },
      },
    },
  };
}

/** A ConfigMap fixture. */
export function configMap(
  name: string,
  options: {
    namespace?: string;
    labels?: Record<string, string>;
    data?: Record<string, string>;
  } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      ...(options.labels ? { labels: options.labels } : {}),
    },
    data: options.data ?? { key: 'value' },
  };
}

/** A Namespace fixture. */
export function namespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}
