import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader, JsonObject, JsonValue } from '@backstage/config';
import type {
  ActionContext,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  installCloudNativePgCrds,
  KubeSimulator,
  startKubeSimulator,
} from '@carepath/kube-simulator';
import { startTestPostgres, TestPostgres } from '@carepath/test-postgres';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseActionOptions } from '../actions/database/DatabaseActionOptions';
import type { PlatformAudit } from '../audit/PlatformAudit';
import { CatalogEntityOwners } from '../catalog/CatalogEntityOwners';
import { readPlatformConfig } from '../config/PlatformConfig';
import { DatabaseServers } from '../database/DatabaseServers';
import { ClusterConnections } from '../kubernetes/ClusterConnections';
import { PlatformRecordStore } from '../records/PlatformRecordStore';
import { TestAuditTrail } from './TestAuditTrail';
import {
  kubernetesReadConfig,
  platformWriteClusters,
  simulatorClusters,
} from './simulatorClusters';

/** One recorded auditor event. */
export interface RecordedAuditEvent {
  eventId: string;
  meta?: JsonObject;
  outcome?: 'succeeded' | 'failed';
  error?: string;
  successMeta?: JsonObject;
}

/** The result of running an action once. */
export interface ActionRun {
  outputs: Record<string, JsonValue>;
  logs: string[];
  error?: Error;
}

/** Scaffolder checkpoints of one task: a completed key returns its stored value. */
export class CheckpointStore {
  readonly values = new Map<string, JsonValue | undefined>();
  private crashBefore?: RegExp;

  /** Simulates the backend dying just before the next step whose key matches. */
  crashBeforeNext(key: RegExp): this {
    this.crashBefore = key;
    return this;
  }

  private hook?: { key: RegExp; fn: () => void };

  /** Runs `fn` (e.g. a fault injection) just before the next step whose key matches. */
  beforeNext(key: RegExp, fn: () => void): this {
    this.hook = { key, fn };
    return this;
  }

  async run<T extends JsonValue | void>(opts: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> {
    if (this.values.has(opts.key)) return this.values.get(opts.key) as T;
    if (this.hook?.key.test(opts.key)) {
      const { fn } = this.hook;
      this.hook = undefined;
      fn();
    }
    if (this.crashBefore?.test(opts.key)) {
      this.crashBefore = undefined;
      throw new Error(`simulated crash before ${opts.key}`);
    }
    const value = await opts.fn();
    this.values.set(opts.key, value as JsonValue | undefined);
    return value;
  }
}

/** Records every line, including meta, at every level. */
export function recordingLogger(lines: string[]): LoggerService {
  const record =
    (level: string) => (message: string, meta?: Error | JsonObject) => {
      lines.push(
        `${level} ${message}${
          meta
            ? ` ${JSON.stringify(
                meta instanceof Error
                  ? { message: meta.message, stack: meta.stack }
                  : meta,
              )}`
            : ''
        }`,
      );
    };
  const logger: LoggerService = {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    child: () => logger,
  };
  return logger;
}

/** Clusters the test environment simulates; the first has the CNPG CRDs. */
export const testClusters = ['staging-eu', 'production-eu'];

/**
 * Real PostgreSQL, a simulated Kubernetes fleet, the platform records on
 * SQLite and a recording auditor: what the actions run against in tests.
 * Everything an action says (logs, outputs, errors, audit events) is kept in
 * {@link PlatformTestEnvironment.transcript} to search for leaked secrets.
 */
export class PlatformTestEnvironment {
  readonly auditEvents: RecordedAuditEvent[] = [];
  readonly encryptionKey = randomBytes(32).toString('base64');
  /** The catalog the actions see. */
  readonly entities: Entity[] = [];

  private constructor(
    readonly transcript: string[],
    readonly postgres: TestPostgres,
    readonly sim: KubeSimulator,
    readonly backupDirectory: string,
    readonly records: PlatformRecordStore,
    readonly trail: TestAuditTrail,
  ) {}

  static async start(options: {
    databases: TestDatabases;
  }): Promise<PlatformTestEnvironment> {
    const transcript: string[] = [];
    const [postgres, sim, backupDirectory, knex, trail] = await Promise.all([
      startTestPostgres(),
      startKubeSimulator({
        clusters: testClusters.map(name => ({ name })),
        port: 0,
        podReadyDelayMs: 0,
        failureIntervalMs: 30,
      }),
      mkdtemp(join(tmpdir(), 'carepath-backups-')),
      options.databases.init('SQLITE_3'),
      TestAuditTrail.create({ databases: options.databases, transcript }),
    ]);
    installCloudNativePgCrds(sim.cluster(testClusters[0]));
    const records = await PlatformRecordStore.create({ knex });
    return new PlatformTestEnvironment(
      transcript,
      postgres,
      sim,
      backupDirectory,
      records,
      trail,
    );
  }

  /** Config as a deployment writes it: read-only fleet tokens, write tokens for the platform. */
  config(
    overrides: { backups?: JsonObject; requestTimeoutSeconds?: number } = {},
  ): ConfigReader {
    const clusters = simulatorClusters(this.sim, testClusters);
    return new ConfigReader({
      kubernetes: kubernetesReadConfig(clusters),
      carepath: {
        databases: {
          servers: [
            { name: 'main', connection: this.postgres.adminUrl, default: true },
          ],
          connectionLimit: 10,
        },
        backups: overrides.backups ?? {
          directory: this.backupDirectory,
          encryptionKey: this.encryptionKey,
        },
        environments: [
          { name: 'staging', clusters: ['staging-eu'] },
          { name: 'production', clusters: ['production-eu'] },
        ],
        kubernetes: {
          ...(overrides.requestTimeoutSeconds
            ? { requestTimeoutSeconds: overrides.requestTimeoutSeconds }
            : {}),
          clusters: platformWriteClusters(clusters),
        },
      },
    });
  }

  /** The options every database action takes. */
  actionOptions(
    overrides: { backups?: JsonObject; requestTimeoutSeconds?: number } = {},
  ): DatabaseActionOptions {
    const config = this.config(overrides);
    const platform = readPlatformConfig(config);
    return {
      servers: new DatabaseServers(platform.databaseServers),
      clusters: ClusterConnections.fromConfig(config),
      records: this.records,
      audit: this.audit(),
      config: platform,
      owners: new CatalogEntityOwners({
        catalog: catalogServiceMock({ entities: this.entities }),
        auth: mockServices.auth(),
      }),
    };
  }

  /** The auditor service and the durable trail, both recording into the transcript. */
  audit(): PlatformAudit {
    return {
      auditor: this.auditor(),
      trail: this.trail,
      logger: recordingLogger(this.transcript),
      retryDelaysMs: [1, 1],
    };
  }

  auditor(): AuditorService {
    return {
      createEvent: async ({ eventId, meta }) => {
        const event: RecordedAuditEvent = { eventId, meta };
        this.auditEvents.push(event);
        this.transcript.push(`audit ${JSON.stringify(event)}`);
        return {
          success: async opts => {
            event.outcome = 'succeeded';
            event.successMeta = opts?.meta;
            this.transcript.push(`audit success ${JSON.stringify(opts ?? {})}`);
          },
          fail: async ({ error }) => {
            event.outcome = 'failed';
            event.error = error.message;
            this.transcript.push(`audit fail ${error.message}`);
          },
        };
      },
    };
  }

  /** Creates namespaces in a simulated cluster. */
  namespaces(cluster: string, ...names: string[]): void {
    for (const name of names) {
      this.sim
        .cluster(cluster)
        .apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
  }

  /** Runs an action's handler as the scaffolder would; never throws. */
  async run<I extends JsonObject, O extends JsonObject>(
    action: TemplateAction<I, O, 'v2'>,
    input: JsonObject,
    options: {
      checkpoints?: CheckpointStore;
      isDryRun?: boolean;
      workspacePath?: string;
    } = {},
  ): Promise<ActionRun> {
    const logs: string[] = [];
    const outputs: Record<string, JsonValue> = {};
    const checkpoints = options.checkpoints ?? new CheckpointStore();
    // createMockActionContext keeps only input, logger, user and workspace;
    // outputs, checkpoints and dry-run are set here.
    const ctx: ActionContext<I, O> = {
      ...createMockActionContext<I, O>({
        input: input as I,
        logger: recordingLogger(logs),
        user: { ref: 'user:default/dana.platform' },
        ...(options.workspacePath
          ? { workspacePath: options.workspacePath }
          : {}),
      }),
      output: (name, value) => {
        outputs[String(name)] = value as JsonValue;
      },
      checkpoint: opts => checkpoints.run(opts),
      isDryRun: options.isDryRun,
    };
    let error: Error | undefined;
    try {
      await action.handler(ctx);
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
    }
    this.transcript.push(
      ...logs,
      `outputs ${JSON.stringify(outputs)}`,
      ...(error ? [`error ${error.name}: ${error.message}`] : []),
    );
    return { outputs, logs, error };
  }

  async stop(): Promise<void> {
    await Promise.all([
      this.sim.stop(),
      this.postgres.stop(),
      rm(this.backupDirectory, { recursive: true, force: true }),
    ]);
  }
}
