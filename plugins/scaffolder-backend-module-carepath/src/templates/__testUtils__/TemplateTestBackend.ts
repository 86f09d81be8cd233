import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import type { JsonObject, JsonValue } from '@backstage/config';
import type { TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  installCloudNativePgCrds,
  KubeSimulator,
  startKubeSimulator,
} from '@carepath/kube-simulator';
// The audit trail's owner runs beside the module, as in the portal's backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import compliancePlugin from '@carepath/plugin-compliance-backend';
import { startTestPostgres, TestPostgres } from '@carepath/test-postgres';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { stringify } from 'yaml';
import { scaffolderModuleCarepath } from '../../module';
import {
  directoryContents,
  repositoryRoot,
  templatesDirectory,
} from './templateFiles';
import {
  kubernetesReadConfig,
  platformWriteClusters,
  simulatorClusters,
} from '../../__testUtils__/simulatorClusters';

/** The kinds a template creates in a cluster. */
const watchedKinds = [
  ['apps/v1', 'Deployment'],
  ['v1', 'Pod'],
  ['v1', 'Secret'],
  ['v1', 'Service'],
  ['v1', 'ServiceAccount'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
];

/** The clusters the templates name, as in the embedded default. */
export const templateClusters = ['staging', 'prod-east', 'prod-west'];

/**
 * A backend feature the portal backend (`packages/backend`) installs, loaded
 * from there so the tests run the same scaffolder and catalog modules.
 */
function portalBackendFeature(name: string): BackendFeature {
  const resolved = require.resolve(name, {
    paths: [path.join(repositoryRoot, 'packages', 'backend')],
  });
  return require(resolved).default;
}

/**
 * Forwards a port known before the backend starts to the test backend's
 * own (random) port, so that `backend.baseUrl` is right while modules
 * initialise: the local repository store's URLs are built from it.
 */
class PortForward {
  private target = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {
    server.on('connection', client => {
      const upstream = connect(this.target, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
  }

  static async start(): Promise<PortForward> {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, resolve));
    return new PortForward(server);
  }

  get port(): number {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  forwardTo(port: number): void {
    this.target = port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise(resolve => this.server.close(resolve));
  }
}

/** A finished scaffolder task: its status, log and output. */
export interface FinishedTask {
  id: string;
  status: string;
  log: Array<{ stepId?: string; status?: string; message: string }>;
  output: JsonObject;
}

/** Step ids of a task that completed, failed and were skipped, in order. */
export function taskSteps(task: FinishedTask) {
  const withStatus = (status: string) =>
    task.log.filter(l => l.status === status && l.stepId).map(l => l.stepId);
  return {
    completed: withStatus('completed'),
    failed: withStatus('failed'),
    skipped: withStatus('skipped'),
  };
}

/** A task's status and failure messages, so a failed expectation shows why. */
export function taskOutcome(task: FinishedTask) {
  return {
    status: task.status,
    errors: task.log.filter(l => l.status === 'failed').map(l => l.message),
  };
}

/** The dry-run API's answer. */
export interface DryRunResult {
  status: number;
  body: {
    log?: Array<{
      body: { message: string; stepId?: string; status?: string };
    }>;
    directoryContents?: Array<{ path: string; base64Content: string }>;
    output?: JsonObject;
    steps?: Array<{ id: string }>;
    errors?: Array<{ message: string; property?: string; path?: string[] }>;
    error?: { message: string; name: string };
  };
}

/**
 * The portal's scaffolder as the embedded default runs it: the real
 * scaffolder and catalog backends with this module, the GitHub publish
 * module and the Template kind from the portal backend, the compliance
 * plugin (the actions' audit trail), real PostgreSQL,
 * the Kubernetes simulator (`staging`, `prod-east`, `prod-west`) over HTTPS
 * and local bare repositories. Only identity and permissions are mocked.
 */
export class TemplateTestBackend {
  private constructor(
    readonly postgres: TestPostgres,
    readonly sim: KubeSimulator,
    readonly reposDirectory: string,
    readonly backupDirectory: string,
    readonly baseUrl: string,
    private readonly forward: PortForward,
    private readonly stopBackend: () => Promise<void>,
  ) {}

  static async start(
    options: {
      /** Register `templates/all.yaml` as the portal does (needed for real runs). */
      registerTemplates?: boolean;
      /** Entities the catalog holds from the start (a file Location). */
      entities?: Entity[];
      /** Also run the portal's fleet backend (the Kubernetes health tab). */
      fleet?: boolean;
    } = {},
  ): Promise<TemplateTestBackend> {
    const [postgres, sim, reposDirectory, backupDirectory, forward] =
      await Promise.all([
        startTestPostgres(),
        startKubeSimulator({
          clusters: templateClusters.map(name => ({ name })),
          port: 0,
          podReadyDelayMs: 0,
          failureIntervalMs: 30,
        }),
        mkdtemp(path.join(tmpdir(), 'carepath-repos-')),
        mkdtemp(path.join(tmpdir(), 'carepath-backups-')),
        PortForward.start(),
      ]);
    installCloudNativePgCrds(sim.cluster('staging'));
    const entitiesFile = `${reposDirectory}.catalog.yaml`;
    await writeFile(
      entitiesFile,
      (options.entities ?? []).map(e => stringify(e)).join('---\n'),
    );
    const baseUrl = `http://localhost:${forward.port}`;
    const clusters = simulatorClusters(sim, templateClusters);
    const config = {
      backend: {
        baseUrl,
        reading: { allow: [{ host: `localhost:${forward.port}` }] },
      },
      fleet: { catalogRefreshInterval: { seconds: 1 } },
      scaffolder: {
        defaultAuthor: { name: 'CarePath', email: 'platform@carepath.example' },
        defaultCommitMessage: 'Initial commit from a CarePath golden path',
      },
      catalog: {
        rules: [
          {
            allow: [
              'Component',
              'System',
              'Group',
              'User',
              'Resource',
              'Location',
              'API',
            ],
          },
        ],
        locations: [
          ...(options.registerTemplates
            ? [
                {
                  type: 'file',
                  target: path.join(templatesDirectory, 'all.yaml'),
                  rules: [{ allow: ['Location', 'Template'] }],
                },
              ]
            : []),
          ...(options.entities?.length
            ? [{ type: 'file', target: entitiesFile }]
            : []),
        ],
      },
      kubernetes: kubernetesReadConfig(clusters),
      carepath: {
        publishLocal: { directory: reposDirectory },
        databases: {
          servers: [
            { name: 'embedded', connection: postgres.adminUrl, default: true },
          ],
          connectionLimit: 10,
        },
        backups: {
          directory: backupDirectory,
          encryptionKey: randomBytes(32).toString('base64'),
        },
        environments: [
          { name: 'staging', clusters: ['staging'] },
          { name: 'production', clusters: ['prod-east', 'prod-west'] },
        ],
        kubernetes: {
          clusters: platformWriteClusters(clusters),
        },
      },
    };
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        portalBackendFeature(
          '@backstage/plugin-catalog-backend-module-scaffolder-entity-model',
        ),
        scaffolderPlugin,
        portalBackendFeature(
          '@backstage/plugin-scaffolder-backend-module-github',
        ),
        scaffolderModuleCarepath,
        // Platform actions record into its audit trail before they change anything.
        compliancePlugin,
        ...(options.fleet
          ? [portalBackendFeature('@carepath/plugin-fleet-backend')]
          : []),
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    forward.forwardTo(backend.server.port());
    return new TemplateTestBackend(
      postgres,
      sim,
      reposDirectory,
      backupDirectory,
      baseUrl,
      forward,
      () => backend.stop(),
    );
  }

  /** Calls the backend as a signed-in user. */
  async request(
    pathname: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: {
        authorization: mockCredentials.user.header(),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body };
  }

  /** `POST /api/scaffolder/v2/dry-run` with the template's own folder. */
  async dryRun(
    template: { entity: TemplateEntityV1beta3; directory: string },
    values: JsonObject,
  ): Promise<DryRunResult> {
    const contents = await directoryContents(template.directory);
    return this.request('/api/scaffolder/v2/dry-run', {
      body: {
        template: template.entity,
        values,
        directoryContents: contents,
      },
    });
  }

  /** Starts a task from a registered template; answers its status code or id. */
  async createTask(
    templateRef: string,
    values: JsonObject,
  ): Promise<{ status: number; body: any }> {
    return this.request('/api/scaffolder/v2/tasks', {
      body: { templateRef, values },
    });
  }

  /** Waits until a task is completed, failed or cancelled. */
  async waitForTask(id: string, timeoutMs = 120_000): Promise<FinishedTask> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await this.request(`/api/scaffolder/v2/tasks/${id}`);
      if (['completed', 'failed', 'cancelled'].includes(body.status)) {
        const events = await this.request(
          `/api/scaffolder/v2/tasks/${id}/events`,
        );
        const log = (events.body as Array<{ type: string; body: any }>)
          .filter(event => event.type === 'log')
          .map(event => ({
            stepId: event.body.stepId,
            status: event.body.status,
            message: String(event.body.message),
          }));
        const completion = (events.body as Array<{ type: string; body: any }>)
          .filter(event => event.type === 'completion')
          .pop();
        return {
          id,
          status: body.status,
          log,
          output: completion?.body?.output ?? {},
        };
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Task ${id} still ${body.status} after ${timeoutMs} ms`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  /** Runs a registered template to the end. */
  async runTask(
    templateRef: string,
    values: JsonObject,
  ): Promise<FinishedTask> {
    const created = await this.createTask(templateRef, values);
    if (created.status !== 201) {
      throw new Error(
        `Task not created (${created.status}): ${JSON.stringify(created.body)}`,
      );
    }
    return this.waitForTask(created.body.id);
  }

  /** An entity from the catalog, or undefined. */
  async entity(ref: string): Promise<Entity | undefined> {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const { status, body } = await this.request(
      `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    );
    return status === 200 ? body : undefined;
  }

  /** Waits until the catalog has processed an entity. */
  async waitForEntity(ref: string, timeoutMs = 60_000): Promise<Entity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const entity = await this.entity(ref);
      if (entity) return entity;
      if (Date.now() > deadline) {
        throw new Error(`${ref} not in the catalog after ${timeoutMs} ms`);
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  /** Components in the catalog. */
  async components(): Promise<string[]> {
    const { body } = await this.request(
      '/api/catalog/entities/by-query?filter=kind=component',
    );
    return (body.items as Entity[]).map(e => e.metadata.name).sort();
  }

  /** Databases on the platform PostgreSQL server other than the built-in ones. */
  async databases(): Promise<string[]> {
    return this.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1') ORDER BY datname",
    ).then(rows => rows.map(row => row.datname));
  }

  /** Runs a query as the server's admin. */
  async query<T>(sql: string, params: JsonValue[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.postgres.adminUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** A credentials Secret in a simulated cluster, decoded; undefined when absent. */
  credentials(options: {
    cluster: string;
    namespace: string;
    name: string;
  }): Record<string, string> | undefined {
    const secret = this.sim.cluster(options.cluster).get({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: options.namespace,
      name: options.name,
    }) as { data?: Record<string, string> } | undefined;
    return secret
      ? Object.fromEntries(
          Object.entries(secret.data ?? {}).map(([key, value]) => [
            key,
            Buffer.from(value, 'base64').toString('utf8'),
          ]),
        )
      : undefined;
  }

  /**
   * Runs SQL as a service would, with the user, password and database from
   * its Secret (whose host is the in-cluster name of this same server).
   */
  async queryAs<T>(
    credentials: Record<string, string>,
    sql: string,
  ): Promise<T[]> {
    const url = new URL(this.postgres.adminUrl);
    url.username = encodeURIComponent(credentials.username);
    url.password = encodeURIComponent(credentials.password);
    url.pathname = `/${credentials.database}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Bare repositories in the local store. */
  async repositories(): Promise<string[]> {
    return (await readdir(this.reposDirectory)).sort();
  }

  /** Every object of a kind in a namespace of a simulated cluster, by name. */
  objects(
    cluster: string,
    apiVersion: string,
    kind: string,
    namespace?: string,
  ): string[] {
    return this.sim
      .cluster(cluster)
      .list({ apiVersion, kind, namespace })
      .map(o => o.metadata?.name ?? '')
      .sort();
  }

  /**
   * Everything a template could change: repositories, databases, the
   * workloads and their objects in every cluster, and catalog components.
   */
  async state(): Promise<JsonObject> {
    const kubernetes: JsonObject = {};
    for (const cluster of templateClusters) {
      for (const [apiVersion, kind] of watchedKinds) {
        kubernetes[`${cluster} ${kind}`] = this.sim
          .cluster(cluster)
          .list({ apiVersion, kind })
          .map(o => `${o.metadata?.namespace}/${o.metadata?.name}`)
          .sort();
      }
    }
    return {
      repositories: await this.repositories(),
      databases: await this.databases(),
      roles: (
        await this.query<{ rolname: string }>(
          "SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' ORDER BY rolname",
        )
      ).map(row => row.rolname),
      kubernetes,
      components: await this.components(),
    };
  }

  /** Creates a namespace in every simulated cluster. */
  namespace(name: string): void {
    for (const cluster of templateClusters) {
      this.sim
        .cluster(cluster)
        .apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
  }

  async stop(): Promise<void> {
    await this.stopBackend();
    await Promise.all([
      this.forward.stop(),
      this.sim.stop(),
      this.postgres.stop(),
      rm(this.reposDirectory, { recursive: true, force: true }),
      rm(`${this.reposDirectory}.catalog.yaml`, { force: true }),
      rm(this.backupDirectory, { recursive: true, force: true }),
    ]);
  }
}
