/*
 * Benchmarks the compliance backend's hot paths on SQLite and PostgreSQL:
 *   - one evaluation of 10,000 Components against the full control set
 *     (catalog read, sources, evaluators, one evidence snapshot written);
 *   - the CSV export of that snapshot;
 *   - verification of a 1,000,000-record evidence chain.
 *
 * node --require ./node_modules/@backstage/cli/config/nodeTransform.cjs \
 *   plugins/compliance-backend/src/bench/compliance.bench.ts --out bench.json [--no-postgres]
 */
import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  evaluateService,
  observeEntity,
  observeKubernetesObjects,
} from '@carepath/plugin-compliance-common';
// The benchmark is a development script, never bundled: dev dependencies are fine.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { startTestPostgres } from '@carepath/test-postgres';
import knexFactory, { type Knex } from 'knex';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
// Same fixtures as the tests, so the benchmark judges realistic services.
// eslint-disable-next-line no-restricted-imports
import {
  componentEntity,
  deployment,
  groupEntity,
} from '../__testUtils__/builders';
import { AuditTrail } from '../audit/AuditTrail';
import { ControlCatalog } from '../controls/ControlCatalog';
import { migrateComplianceDatabase } from '../database/migrateComplianceDatabase';
import { ComplianceEvaluator } from '../evaluation/ComplianceEvaluator';
import type { ComplianceSources } from '../evaluation/ComplianceSources';
import { EvaluationStore } from '../evaluation/EvaluationStore';
import {
  EvidenceStore,
  type NewEvidenceRecord,
} from '../evidence/EvidenceStore';
import { ExemptionStore } from '../exemptions/ExemptionStore';
import { exportCsv } from '../service/exportCsv';

const ENTITIES = 10_000;
const VERIFY_ROWS = Number(process.env.BENCH_VERIFY_ROWS ?? 1_000_000);

interface Measurement {
  database: string;
  step: string;
  ms: number;
  /** CPU time of this process (not of the PostgreSQL server). */
  cpuMs?: number;
  target?: number;
  detail: string;
}

const silentLogger: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => silentLogger,
};

const credentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'service', subject: 'plugin:compliance' },
} as BackstageCredentials;

const auth = {
  getOwnServiceCredentials: async () => credentials,
} as unknown as AuthService;

const entities = Array.from({ length: ENTITIES }, (_, i) =>
  componentEntity({
    name: `service-${i}`,
    owner: `group:default/team-${i % 50}`,
    system: `system-${i % 200}`,
    annotations: {
      'carepath.io/data-classification': ['phi', 'pii', 'internal', 'public'][
        i % 4
      ],
    },
  }),
);
const groups = Array.from({ length: 50 }, (_, i) => groupEntity(`team-${i}`));
const catalog = {
  getEntities: async () => ({ items: entities }),
  getEntitiesByRefs: async (request: { entityRefs: string[] }) => ({
    items: request.entityRefs.map(ref =>
      groups.find(g => `group:default/${g.metadata.name}` === ref),
    ),
  }),
} as unknown as CatalogService;

// In-process sources: the benchmark measures the evaluator, not HTTP.
const sources: ComplianceSources = {
  workloads: async entity => ({
    available: true,
    value: [
      {
        cluster: 'prod-east',
        objects: [
          deployment({
            name: entity.name,
            compliant: Number(entity.name.split('-')[1]) % 3 !== 0,
          }),
        ],
      },
    ],
  }),
  platformRecords: async () => ({
    available: true,
    value: {
      databases: [
        {
          name: 'main',
          classification: 'phi',
          backupPolicy: { maxAgeHours: 24 },
          lastBackupAt: new Date().toISOString(),
          deletionProtection: true,
        },
      ],
    },
  }),
  unregisteredWorkloads: async () => ({ available: true, value: [] }),
  clusters: async () => ({
    available: true,
    value: [{ name: 'prod-east', state: 'synced' }],
  }),
};

// Wall time, and this process's CPU time: on a shared machine the wall
// time moves with the load, the CPU time much less.
async function time<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return {
    ms: performance.now() - start,
    cpuMs: (used.user + used.system) / 1000,
    value,
  };
}

async function benchDatabase(
  database: string,
  knex: Knex,
): Promise<Measurement[]> {
  await migrateComplianceDatabase(knex);
  const out: Measurement[] = [];
  const evidence = new EvidenceStore({ knex });
  const evaluations = new EvaluationStore({ knex, evidence });
  const controls = ControlCatalog.fromSet({
    set: ControlCatalog.shipped(),
    logger: silentLogger,
  });
  const evaluator = new ComplianceEvaluator({
    catalog,
    auth,
    sources,
    controls,
    evidence,
    evaluations,
    exemptions: new ExemptionStore({ knex }),
    auditTrail: new AuditTrail({ knex }),
    logger: silentLogger,
  });

  // Each phase keeps only its numbers, so the next one starts on a heap
  // without the previous phase's garbage, as a server request would.
  const run = await time(async () => (await evaluator.evaluate()).id);
  const records = await knex('evidence').count({ n: '*' }).first();
  out.push({
    database,
    step: `evaluate ${ENTITIES} services (end to end, snapshot written)`,
    ms: run.ms,
    cpuMs: run.cpuMs,
    target: 2000,
    detail: `${records?.n} evidence records`,
  });

  // What GET /results reads: every service with its results, what was
  // observed read back from the evidence records.
  const read = await time(async () => {
    const services = await evaluations.services({ evaluationId: run.value });
    return services.reduce((n, s) => n + s.results.length, 0);
  });
  out.push({
    database,
    step: `read back the results of ${ENTITIES} services`,
    ms: read.ms,
    cpuMs: read.cpuMs,
    detail: `${read.value} results with what was observed`,
  });

  const csv = await time(async () => {
    // Streamed as the route streams it; only the size is kept.
    let bytes = 0;
    for await (const chunk of exportCsv({
      evaluations,
      evidence,
      evaluationId: run.value,
    })) {
      bytes += Buffer.byteLength(chunk);
    }
    return bytes;
  });
  out.push({
    database,
    step: `export CSV of ${ENTITIES} services`,
    ms: csv.ms,
    cpuMs: csv.cpuMs,
    target: 1000,
    detail: `${(csv.value / 1e6).toFixed(1)} MB`,
  });

  // Fill the chain to 1,000,000 records, then verify it.
  const existing = Number(records?.n ?? 0);
  const fill = await time(async () => {
    const batch = 50_000;
    for (let done = existing; done < VERIFY_ROWS; done += batch) {
      const n = Math.min(batch, VERIFY_ROWS - done);
      await evidence.appendSnapshot({
        records: Array.from(
          { length: n },
          (_, i): NewEvidenceRecord => ({
            evaluationId: `fill-${done}`,
            entityRef: `component:default/service-${i % ENTITIES}`,
            controlId: `CP-INT-0${i % 5}`,
            status: i % 4 === 0 ? 'fail' : 'pass',
            observed: { workloads: [`Deployment/service-${i % ENTITIES}`] },
            controlsVersion: '2026.11.0',
            evaluatedAt: '2026-11-24T10:00:00.000Z',
          }),
        ),
      });
    }
  });
  out.push({
    database,
    step: `append to ${VERIFY_ROWS} evidence records`,
    ms: fill.ms,
    cpuMs: fill.cpuMs,
    detail: `${VERIFY_ROWS - existing} records hashed and written`,
  });
  const verified = await time(() => evidence.verify());
  out.push({
    database,
    step: `verify ${VERIFY_ROWS} evidence records`,
    ms: verified.ms,
    cpuMs: verified.cpuMs,
    target: 10_000,
    detail: JSON.stringify(verified.value),
  });
  return out;
}

function pureEvaluation(): Measurement {
  const controlSet = ControlCatalog.shipped();
  const now = new Date();
  const start = performance.now();
  const cpu = process.cpuUsage();
  let results = 0;
  for (const entity of entities) {
    const evaluation = evaluateService(
      {
        entity: observeEntity({
          entity,
          ownerExists: true,
          ownerKind: 'Group',
        }),
        ...observeKubernetesObjects(
          [deployment({ name: entity.metadata.name })],
          {
            source: { type: 'cluster', cluster: 'prod-east' },
          },
        ),
        now,
      },
      controlSet,
    );
    results += evaluation.results.length;
  }
  return {
    database: '-',
    step: `evaluators only, ${ENTITIES} services`,
    ms: performance.now() - start,
    cpuMs: (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000,
    detail: `${results} control results`,
  };
}

function metTarget(m: Measurement): string {
  if (!m.target) {
    return '';
  }
  return m.ms < m.target ? 'yes' : 'NO';
}

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const measurements: Measurement[] = [pureEvaluation()];

  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
  measurements.push(...(await benchDatabase('sqlite', sqlite)));
  await sqlite.destroy();

  if (!args.includes('--no-postgres')) {
    const postgres = await startTestPostgres({ timeoutMs: 60_000 });
    const pg = knexFactory({ client: 'pg', connection: postgres.url });
    try {
      measurements.push(...(await benchDatabase('postgres', pg)));
    } finally {
      await pg.destroy();
      await postgres.stop();
    }
  }

  const rows = measurements.map(m => ({
    database: m.database,
    step: m.step,
    ms: m.ms.toFixed(0),
    cpuMs: m.cpuMs === undefined ? '' : m.cpuMs.toFixed(0),
    target: m.target ? `< ${m.target}` : '',
    met: metTarget(m),
    detail: m.detail,
  }));
  // eslint-disable-next-line no-console
  console.table(rows);
  if (outFile) {
    writeFileSync(
      outFile,
      JSON.stringify(
        { at: new Date().toISOString(), node: process.version, measurements },
        null,
        2,
      ),
    );
  }
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exitCode = 1;
});
