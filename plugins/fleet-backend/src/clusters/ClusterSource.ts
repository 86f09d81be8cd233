import { readFileSync } from 'node:fs';
import type { Config } from '@backstage/config';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { z } from 'zod';

/**
 * Where and how to reach one cluster, read from
 * `kubernetes.clusterLocatorMethods` (the upstream Kubernetes plugin's
 * config) or from a catalog Resource entity.
 *
 * @public
 */
export interface ClusterDefinition {
  name: string;
  url: string;
  /** Bearer token (`authProvider: serviceAccount`). */
  token?: string;
  /** PEM certificate authority bundle. */
  caData?: string;
  skipTLSVerify: boolean;
  /** Where the token came from, so errors can say what to fix. */
  tokenSource: string;
  /** Set when the cluster cannot be used as configured; shown as its error. */
  unsupported?: string;
}

const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

const clusterSchema = z.object({
  name: z.string().min(1),
  url: z.string().url(),
  authProvider: z.string().default('serviceAccount'),
  serviceAccountToken: z.string().optional(),
  caData: z.string().optional(),
  caFile: z.string().optional(),
  skipTLSVerify: z.boolean().default(false),
});

function describeIssue(path: string, issue: z.core.$ZodIssue, name?: string) {
  const field = issue.path.join('.');
  const who = name ? `cluster "${name}"` : 'a cluster';
  return `Invalid fleet cluster config for ${who}: ${path}.${field}: ${issue.message}`;
}

/** Decodes upstream's base64 `caData`; also accepts a PEM given as is. */
function decodeCa(caData: string): string {
  if (caData.includes('-----BEGIN')) return caData;
  return Buffer.from(caData, 'base64').toString('utf8');
}

/**
 * Reads clusters from the same `kubernetes.clusterLocatorMethods` config
 * block Backstage's Kubernetes plugin uses, so an existing setup works
 * unchanged. Methods other than `config` are left to other sources
 * (`catalog` is read from catalog Resource entities). Throws with the
 * cluster and field named when the config is invalid.
 *
 * @public
 */
export class ClusterSource {
  static fromConfig(config: Config): ClusterDefinition[] {
    const methods =
      config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
    const result: ClusterDefinition[] = [];
    methods.forEach((method, i) => {
      if (method.getOptionalString('type') !== 'config') return;
      const clusters = method.getOptionalConfigArray('clusters') ?? [];
      clusters.forEach((cluster, j) => {
        const path = `kubernetes.clusterLocatorMethods[${i}].clusters[${j}]`;
        result.push(ClusterSource.parseCluster({ raw: cluster.get(), path }));
      });
    });
    const seen = new Set<string>();
    for (const cluster of result) {
      if (seen.has(cluster.name)) {
        throw new Error(
          `Invalid fleet cluster config: the cluster name "${cluster.name}" is used twice in kubernetes.clusterLocatorMethods; names must be unique`,
        );
      }
      seen.add(cluster.name);
    }
    return result;
  }

  /** Parses one cluster entry; `path` is its config path for messages. */
  static parseCluster(options: {
    raw: unknown;
    path: string;
  }): ClusterDefinition {
    const { raw, path } = options;
    const name =
      typeof raw === 'object' && raw !== null && 'name' in raw
        ? String((raw as { name: unknown }).name)
        : undefined;
    const parsed = clusterSchema.safeParse(raw);
    if (!parsed.success) {
      throw new Error(describeIssue(path, parsed.error.issues[0], name));
    }
    const c = parsed.data;
    const definition: ClusterDefinition = {
      name: c.name,
      url: c.url.replace(/\/+$/, ''),
      skipTLSVerify: c.skipTLSVerify,
      tokenSource: `${path}.serviceAccountToken`,
    };
    if (c.authProvider !== 'serviceAccount') {
      definition.unsupported = `authProvider "${c.authProvider}" is not supported by the fleet backend (${path}.authProvider); use serviceAccount`;
    } else if (c.serviceAccountToken) {
      definition.token = c.serviceAccountToken;
    } else {
      try {
        definition.token = readFileSync(IN_CLUSTER_TOKEN, 'utf8').trim();
        definition.tokenSource = IN_CLUSTER_TOKEN;
      } catch (error) {
        definition.unsupported = `no serviceAccountToken at ${path}.serviceAccountToken and no in-cluster token at ${IN_CLUSTER_TOKEN} (${String(
          error,
        )})`;
      }
    }
    if (c.caData) {
      definition.caData = decodeCa(c.caData);
    } else if (c.caFile) {
      try {
        definition.caData = readFileSync(c.caFile, 'utf8');
      } catch (error) {
        throw new Error(
          `Invalid fleet cluster config for cluster "${
            c.name
          }": ${path}.caFile: cannot read ${c.caFile} (${String(error)})`,
        );
      }
    }
    return definition;
  }

  /** Whether `kubernetes.clusterLocatorMethods` asks for catalog clusters. */
  static usesCatalog(config: Config): boolean {
    return (
      config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
    ).some(m => m.getOptionalString('type') === 'catalog');
  }

  /**
   * Reads a cluster from a catalog `Resource` of `spec.type:
   * kubernetes-cluster` with upstream's annotations
   * (`kubernetes.io/api-server`, `kubernetes.io/api-server-certificate-authority`,
   * `kubernetes.io/skip-tls-verify`, `kubernetes.io/auth-provider`).
   * Returns undefined for other entities; an entity with a bad annotation
   * becomes a cluster marked unsupported, with the reason.
   */
  static fromEntity(entity: Entity): ClusterDefinition | undefined {
    if (
      entity.kind !== 'Resource' ||
      entity.spec?.type !== 'kubernetes-cluster'
    ) {
      return undefined;
    }
    const annotations = entity.metadata.annotations ?? {};
    const ref = stringifyEntityRef(entity);
    const raw = {
      name: entity.metadata.name,
      url: annotations['kubernetes.io/api-server'],
      authProvider:
        annotations['kubernetes.io/auth-provider'] ?? 'serviceAccount',
      caData: annotations['kubernetes.io/api-server-certificate-authority'],
      skipTLSVerify: annotations['kubernetes.io/skip-tls-verify'] === 'true',
    };
    try {
      return ClusterSource.parseCluster({ raw, path: `catalog entity ${ref}` });
    } catch (error) {
      return {
        name: entity.metadata.name,
        url: raw.url ?? '',
        skipTLSVerify: raw.skipTLSVerify,
        tokenSource: `catalog entity ${ref}`,
        unsupported: String(error instanceof Error ? error.message : error),
      };
    }
  }
}
