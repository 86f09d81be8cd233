import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { PlatformRecords } from '@carepath/plugin-compliance-common';
import { z } from 'zod';
import type {
  ClusterObjects,
  ComplianceSources,
  FleetClusterState,
  SourceAnswer,
} from './ComplianceSources';

const clusterObjectsSchema = z.object({
  items: z.array(
    z.object({ cluster: z.string(), objects: z.array(z.unknown()) }),
  ),
});

// Fleet's `GET /unregistered` page (fleet-common `UnregisteredWorkload`),
// reduced to what the unregistered-workloads control reads.
const unregisteredPageSchema = z.object({
  items: z.array(
    z.object({
      cluster: z.string(),
      kind: z.string(),
      namespace: z.string(),
      name: z.string(),
      uid: z.string().optional(),
      labels: z.record(z.string(), z.string()).optional(),
      images: z.array(z.string()).optional(),
    }),
  ),
  totalItems: z.number(),
});

const UNREGISTERED_PAGE = 5000;

// Fleet's `GET /clusters` (fleet-common `ClusterState`), reduced to the sync state.
const clustersSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      state: z.string(),
      lastError: z.string().optional(),
    }),
  ),
});

const platformRecordsSchema = z.object({
  databases: z.array(
    z.object({
      name: z.string(),
      classification: z.enum(['phi', 'pii', 'internal', 'public']),
      backupPolicy: z.object({ maxAgeHours: z.number() }).optional(),
      lastBackupAt: z.string().optional(),
      lastRestoreTestAt: z.string().optional(),
      lastCredentialRotationAt: z.string().optional(),
      deletionProtection: z.boolean(),
    }),
  ),
});

const DEFAULT_TIMEOUT_MS = 5000;
// Backstage plugin tokens live an hour; reuse one well inside that.
const TOKEN_REUSE_MS = 5 * 60 * 1000;

/**
 * Reads the fleet plugin (workload specs, unregistered workloads) and the
 * scaffolder module's platform records over HTTP with this plugin's own
 * service credentials. Every failure becomes an unavailable answer, never an
 * exception: an evaluation goes on without the source.
 *
 * @public
 */
export class HttpComplianceSources implements ComplianceSources {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #timeoutMs: number;
  readonly #tokens = new Map<string, { token: string; expiresAt: number }>();

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    timeoutMs?: number;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async workloads(
    entity: CompoundEntityRef,
  ): Promise<SourceAnswer<ClusterObjects[]>> {
    const path = [entity.kind, entity.namespace, entity.name]
      .map(encodeURIComponent)
      .join('/');
    const answer = await this.#get({
      pluginId: 'fleet',
      path: `/services/${path}/observations`,
      schema: clusterObjectsSchema,
    });
    return answer.available
      ? { available: true, value: answer.value.items }
      : answer;
  }

  async platformRecords(
    entityRef: string,
  ): Promise<SourceAnswer<PlatformRecords>> {
    return this.#get({
      pluginId: 'scaffolder',
      path: `/carepath/platform-records?entityRef=${encodeURIComponent(
        entityRef,
      )}`,
      schema: platformRecordsSchema,
    });
  }

  async unregisteredWorkloads(): Promise<SourceAnswer<ClusterObjects[]>> {
    const byCluster = new Map<string, unknown[]>();
    for (let offset = 0; ; offset += UNREGISTERED_PAGE) {
      const answer = await this.#get({
        pluginId: 'fleet',
        path: `/unregistered?offset=${offset}&limit=${UNREGISTERED_PAGE}`,
        schema: unregisteredPageSchema,
      });
      if (!answer.available) {
        return answer;
      }
      for (const workload of answer.value.items) {
        const objects = byCluster.get(workload.cluster) ?? [];
        objects.push(asWorkloadObject(workload));
        byCluster.set(workload.cluster, objects);
      }
      if (offset + UNREGISTERED_PAGE >= answer.value.totalItems) break;
    }
    return {
      available: true,
      value: [...byCluster].map(([cluster, objects]) => ({ cluster, objects })),
    };
  }

  async clusters(): Promise<SourceAnswer<FleetClusterState[]>> {
    const answer = await this.#get({
      pluginId: 'fleet',
      path: '/clusters',
      schema: clustersSchema,
    });
    return answer.available
      ? {
          available: true,
          value: answer.value.items.map(({ name, state, lastError }) => ({
            name,
            state,
            ...(lastError ? { lastError } : {}),
          })),
        }
      : answer;
  }

  // One token per target plugin for a few minutes, rather than signing one
  // per request of a 10,000-service run.
  async #token(pluginId: string): Promise<string> {
    const cached = this.#tokens.get(pluginId);
    if (cached && cached.expiresAt > Date.now()) {
      return cached.token;
    }
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: pluginId,
    });
    this.#tokens.set(pluginId, {
      token,
      expiresAt: Date.now() + TOKEN_REUSE_MS,
    });
    return token;
  }

  async #get<T>(options: {
    pluginId: string;
    path: string;
    schema: z.ZodType<T>;
  }): Promise<SourceAnswer<T>> {
    const { pluginId, path, schema } = options;
    let response: Response;
    try {
      const baseUrl = await this.#discovery.getBaseUrl(pluginId);
      const token = await this.#token(pluginId);
      response = await fetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      // A DOMException, which is not always an Error in this realm.
      const timedOut =
        typeof error === 'object' &&
        error !== null &&
        (error as { name?: unknown }).name === 'TimeoutError';
      return {
        available: false,
        down: true,
        reason: timedOut
          ? `${pluginId} did not answer within ${this.#timeoutMs} ms`
          : `${pluginId} is unreachable: ${describe(error)}`,
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return {
        available: false,
        // A 5xx or a missing route means the source is not serving at all.
        down: response.status >= 500,
        reason: `${pluginId} answered ${response.status} for ${path}`,
      };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      return {
        available: false,
        down: false,
        reason: `${pluginId} sent a body that is not JSON for ${path}: ${describe(
          error,
        )}`,
      };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      return {
        available: false,
        down: false,
        reason: `${pluginId} sent an unexpected body for ${path}: ${parsed.error.issues
          .map(i => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      };
    }
    return { available: true, value: parsed.data };
  }
}

/** An unregistered workload as the Kubernetes object shape the observers read. */
function asWorkloadObject(
  workload: z.infer<typeof unregisteredPageSchema>['items'][number],
) {
  return {
    kind: workload.kind,
    metadata: {
      name: workload.name,
      namespace: workload.namespace,
      uid: workload.uid,
      labels: workload.labels ?? {},
    },
    spec: {
      template: {
        spec: {
          containers: (workload.images ?? []).map((image, index) => ({
            name: `container-${index}`,
            image,
          })),
        },
      },
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error
      ? `${error.message} (${cause.message})`
      : error.message;
  }
  return String(error);
}
