import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import {
  startKubeSimulator,
  type KubeSimulator,
} from '@carepath/kube-simulator';
import { startTestPostgres, type TestPostgres } from '@carepath/test-postgres';
import { stringify } from 'yaml';
import { BackendReplica, freePort } from './__testUtils__/BackendReplica';

// Two real backend processes from source, one PostgreSQL, one simulator.
jest.setTimeout(240_000);

const token = randomBytes(24).toString('base64url');
const headers = {
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
};

async function api<T>(
  replica: BackendReplica,
  route: string,
  init?: RequestInit,
): Promise<T> {
  const res = await fetch(`${replica.url}/api/${route}`, { headers, ...init });
  if (!res.ok) {
    throw new Error(
      `${init?.method ?? 'GET'} ${route} on ${replica.name}: ${
        res.status
      } ${await res.text()}`,
    );
  }
  return (await res.json()) as T;
}

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
}

type TaskEvent = {
  type: string;
  body: { message?: string; stepId?: string; status?: string };
};

describe('two replicas on one database', () => {
  let dir: string;
  let postgres: TestPostgres;
  let sim: KubeSimulator;
  let a: BackendReplica;
  let b: BackendReplica;

  function replicaConfig(port: number) {
    return {
      app: { baseUrl: `http://127.0.0.1:${port}` },
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { port, host: '127.0.0.1' },
        database: {
          client: 'pg',
          connection: postgres.url,
          pluginDivisionMode: 'schema',
        },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token, subject: 'multi-replica-test' },
            },
          ],
        },
        reading: { allow: [{ host: `127.0.0.1:${port}` }] },
      },
      scaffolder: {
        taskRecovery: { enabled: true, staleTimeout: { seconds: 5 } },
      },
      compliance: {
        schedule: {
          frequency: { minutes: 30 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 5 },
        },
      },
      catalog: {
        locations: [
          {
            type: 'file',
            target: '../../examples/org.yaml',
            rules: [{ allow: ['User', 'Group'] }],
          },
          { type: 'file', target: '../../examples/systems.yaml' },
          { type: 'file', target: '../../examples/services.yaml' },
          {
            type: 'file',
            target: path.join(
              __dirname,
              '__fixtures__/template-checkpointed.yaml',
            ),
            rules: [{ allow: ['Template'] }],
          },
        ],
      },
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: sim.clusters.map(c => ({
              name: c.name,
              url: c.url,
              authProvider: 'serviceAccount',
              serviceAccountToken: 'carepath-embedded-readonly',
              skipMetricsLookup: true,
            })),
          },
        ],
      },
    };
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'carepath-replicas-'));
    [postgres, sim] = await Promise.all([
      startTestPostgres(),
      startKubeSimulator({
        fleet: 'demo',
        port: 0,
        controlPort: false,
        podReadyDelayMs: 0,
      }),
    ]);
    const env = {
      CAREPATH_PLATFORM_DB_URL: postgres.adminUrl,
      CAREPATH_BACKUP_DIR: path.join(dir, 'backups'),
      CAREPATH_BACKUP_KEY: randomBytes(32).toString('base64'),
      CAREPATH_REPOS_DIR: path.join(dir, 'repos'),
    };
    // One after the other, as a rolling update brings them up: two backends
    // migrating an empty database at the same moment fail on the plugins'
    // migration tables (the deployment's startup probe restarts such a pod).
    const replicas: BackendReplica[] = [];
    for (const name of ['a', 'b']) {
      const port = await freePort();
      const file = path.join(dir, `app-config.${name}.yaml`);
      await writeFile(file, stringify(replicaConfig(port)));
      const replica = BackendReplica.fromSource({
        name,
        port,
        configFiles: [file],
        env,
        logDir: dir,
      });
      replicas.push(replica);
      await replica.ready(90_000);
    }
    [a, b] = replicas;
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await sim?.stop();
    await postgres?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves fleet health from both replicas', async () => {
    type Services = { items: Array<{ entityRef: string }> };
    const [fromA, fromB] = await Promise.all(
      [a, b].map(replica =>
        eventually(
          `fleet services on ${replica.name}`,
          async () => {
            const body = await api<Services>(
              replica,
              'fleet/services?limit=100',
            );
            return body.items.length >= 10 ? body : undefined;
          },
          60_000,
        ),
      ),
    );
    const summary = (s: Services) => s.items.map(i => i.entityRef).sort();
    expect(summary(fromA)).toEqual(summary(fromB));
    expect(summary(fromA)).toContain('component:default/patient-portal');
  });

  it('runs the scheduled compliance evaluation once, not once per replica', async () => {
    const db = new Client({ connectionString: postgres.url });
    await db.connect();
    try {
      const count = async () =>
        Number(
          (
            await db.query(
              `select count(*) as n from compliance.evaluations where trigger = 'schedule'`,
            )
          ).rows[0].n,
        );
      await eventually(
        'a scheduled evaluation',
        async () => ((await count()) > 0 ? true : undefined),
        60_000,
      );
      // Both replicas scheduled the task with a 5 s initial delay; give the
      // later one time to have run it too if the lock did not hold.
      await new Promise(r => setTimeout(r, 8_000));
      expect(await count()).toBe(1);
      const tasks = await db.query(
        `select id from compliance.backstage_backend_tasks__tasks`,
      );
      expect(tasks.rows.map(r => r.id)).toContain('compliance-evaluation');
    } finally {
      await db.end();
    }
  });

  it('shows a task started on one replica from the other, and finishes it when its replica is killed', async () => {
    await eventually(
      'the template in the catalog',
      () =>
        api(a, 'catalog/entities/by-name/template/default/replica-failover'),
      60_000,
    );
    const { id } = await api<{ id: string }>(a, 'scaffolder/v2/tasks', {
      method: 'POST',
      body: JSON.stringify({
        templateRef: 'template:default/replica-failover',
        values: {},
      }),
    });
    const events = (replica: BackendReplica) =>
      api<TaskEvent[]>(replica, `scaffolder/v2/tasks/${id}/events`);

    // Visible from the other replica while it runs on the first.
    await eventually(
      'the wait step running, seen from replica b',
      async () =>
        (
          await events(b)
        ).some(e => e.body.stepId === 'wait' && e.body.status === 'processing')
          ? true
          : undefined,
      30_000,
    );
    expect(
      (await api<{ status: string }>(b, `scaffolder/v2/tasks/${id}`)).status,
    ).toBe('processing');

    await a.kill();

    const task = await eventually(
      'the task to finish on replica b',
      async () => {
        const t = await api<{ status: string }>(b, `scaffolder/v2/tasks/${id}`);
        return ['completed', 'failed', 'cancelled'].includes(t.status)
          ? t
          : undefined;
      },
      60_000,
    );
    expect(task.status).toBe('completed');
    const log = await events(b);
    expect(log.some(e => e.type === 'recovered')).toBe(true);
    const starts = (stepId: string) =>
      log.filter(
        e => e.body.stepId === stepId && e.body.status === 'processing',
      ).length;
    // The completed step is not run again; the interrupted one is.
    expect(starts('first')).toBe(1);
    expect(starts('wait')).toBe(2);
    const messages = log.map(e => e.body.message ?? '');
    expect(
      messages.some(m =>
        m.includes('Skipping step first because it was already completed'),
      ),
    ).toBe(true);
    expect(
      log.some(e => e.body.stepId === 'last' && e.body.status === 'completed'),
    ).toBe(true);
  });
});
