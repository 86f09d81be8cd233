import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  type RequestContext,
} from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';

/** Write access to one cluster. */
export interface ClusterConnection {
  name: string;
  /** Every API request is aborted after this long. */
  timeoutMs: number;
  objects: KubernetesObjectApi;
  core: CoreV1Api;
  apps: AppsV1Api;
}

/** Default of `carepath.kubernetes.requestTimeoutSeconds`. */
export const defaultRequestTimeoutSeconds = 30;

/**
 * A KubeConfig whose every request carries an abort signal: client-node
 * applies the auth method to each request, object API and typed APIs alike,
 * so this bounds all of them.
 */
class TimedKubeConfig extends KubeConfig {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  override async applySecurityAuthentication(
    context: RequestContext,
  ): Promise<void> {
    await super.applySecurityAuthentication(context);
    context.setSignal(AbortSignal.timeout(this.timeoutMs));
  }
}

interface ClusterSettings {
  name: string;
  url: string;
  token?: string;
  caData?: string;
  skipTLSVerify: boolean;
}

/**
 * The clusters from `kubernetes.clusterLocatorMethods` (type `config`), each
 * with the write identity from `carepath.kubernetes.clusters` when one is
 * configured: the kubernetes block's token is read-only fleet access.
 */
export class ClusterConnections {
  private readonly clusters: Map<string, ClusterSettings>;
  private readonly connections = new Map<string, ClusterConnection>();

  static fromConfig(config: Config): ClusterConnections {
    const overrides = new Map(
      (config.getOptionalConfigArray('carepath.kubernetes.clusters') ?? []).map(
        c => [c.getString('name'), c.getString('serviceAccountToken')],
      ),
    );
    const clusters: ClusterSettings[] = [];
    for (const method of config.getOptionalConfigArray(
      'kubernetes.clusterLocatorMethods',
    ) ?? []) {
      if (method.getString('type') !== 'config') continue;
      for (const cluster of method.getOptionalConfigArray('clusters') ?? []) {
        const name = cluster.getString('name');
        const caFile = cluster.getOptionalString('caFile');
        clusters.push({
          name,
          url: cluster.getString('url'),
          token:
            overrides.get(name) ??
            cluster.getOptionalString('serviceAccountToken'),
          caData:
            cluster.getOptionalString('caData') ??
            (caFile ? readFileSync(caFile).toString('base64') : undefined),
          skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
        });
      }
    }
    const environments = new Map(
      (config.getOptionalConfigArray('carepath.environments') ?? []).map(
        env => [env.getString('name'), env.getStringArray('clusters')],
      ),
    );
    const known = new Set(clusters.map(c => c.name));
    for (const [environment, names] of environments) {
      const unknown = names.filter(name => !known.has(name));
      if (unknown.length) {
        throw new Error(
          `carepath.environments: environment ${environment} lists ${unknown.join(
            ', ',
          )}, which kubernetes.clusterLocatorMethods (type config) does not define`,
        );
      }
    }
    const timeoutSeconds =
      config.getOptionalNumber('carepath.kubernetes.requestTimeoutSeconds') ??
      defaultRequestTimeoutSeconds;
    if (!(timeoutSeconds > 0)) {
      throw new Error(
        `carepath.kubernetes.requestTimeoutSeconds must be a positive number of seconds, got ${timeoutSeconds}`,
      );
    }
    return new ClusterConnections(
      clusters,
      environments,
      timeoutSeconds * 1000,
    );
  }

  private constructor(
    clusters: ClusterSettings[],
    private readonly environments: Map<string, string[]>,
    private readonly timeoutMs: number,
  ) {
    this.clusters = new Map(clusters.map(c => [c.name, c]));
  }

  /** The clusters of an environment; InputError naming the known environments otherwise. */
  clustersOf(environment: string): string[] {
    const names = this.environments.get(environment);
    if (!names) {
      throw new InputError(
        `environment: unknown environment "${environment}"; known environments: ${
          [...this.environments.keys()].join(', ') || 'none configured'
        }`,
      );
    }
    return names;
  }

  get names(): string[] {
    return [...this.clusters.keys()];
  }

  /** Throws an InputError listing the known clusters when `name` is not one. */
  assertKnown(name: string): void {
    if (!this.clusters.has(name)) {
      throw new InputError(
        `cluster: unknown cluster "${name}"; known clusters: ${
          this.names.join(', ') || 'none configured'
        }`,
      );
    }
  }

  get(name: string): ClusterConnection {
    this.assertKnown(name);
    const existing = this.connections.get(name);
    if (existing) return existing;
    const settings = this.clusters.get(name)!;
    const kubeConfig = new TimedKubeConfig(this.timeoutMs);
    kubeConfig.loadFromOptions({
      clusters: [
        {
          name,
          server: settings.url,
          caData: settings.caData,
          skipTLSVerify: settings.skipTLSVerify,
        },
      ],
      users: [{ name: 'carepath', token: settings.token }],
      contexts: [{ name, cluster: name, user: 'carepath' }],
      currentContext: name,
    });
    const connection: ClusterConnection = {
      name,
      timeoutMs: this.timeoutMs,
      objects: KubernetesObjectApi.makeApiClient(kubeConfig),
      core: kubeConfig.makeApiClient(CoreV1Api),
      apps: kubeConfig.makeApiClient(AppsV1Api),
    };
    this.connections.set(name, connection);
    return connection;
  }
}
