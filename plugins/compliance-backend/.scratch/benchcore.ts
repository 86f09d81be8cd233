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
} from '../src/__testUtils__/builders';
import { AuditTrail } from '../src/audit/AuditTrail';
import { ControlCatalog } from '../src/controls/ControlCatalog';
import { migrateComplianceDatabase } from '../src/database/migrateComplianceDatabase';
import { ComplianceEvaluator } from '../src/evaluation/ComplianceEvaluator';
import type { ComplianceSources } from '../src/evaluation/ComplianceSources';
import { EvaluationStore } from '../src/evaluation/EvaluationStore';
import {
  EvidenceStore,
  type NewEvidenceRecord,
} from '../src/evidence/EvidenceStore';
import { ExemptionStore } from '../src/exemptions/ExemptionStore';
import { exportCsv } from '../src/service/exportCsv';

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
  clusters: async () => ({ available: true, value: [{ name: 'prod-east', state: 'synced' }] }),
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

export async function run(knex: Knex) {
  const evidence = new EvidenceStore({ knex });
  const evaluations = new EvaluationStore({ knex });
  const controls = ControlCatalog.fromSet({ set: ControlCatalog.shipped(), logger: silentLogger });
  const evaluator = new ComplianceEvaluator({ catalog, auth, sources, controls, evidence, evaluations,
    exemptions: new ExemptionStore({ knex }), auditTrail: new AuditTrail({ knex }), logger: silentLogger });
  for (let i = 0; i < 2; i++) {
    const run = await time(async () => (await evaluator.evaluate()).id);
    console.log('evaluate', run.ms.toFixed(0), run.cpuMs.toFixed(0)); const sums = (global as any).__sums; if (sums) { console.log([...sums].map(([k, v]: any) => `${k} ${v.toFixed(0)}`).join('\n')); sums.clear(); }
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
    console.log('export', csv.ms.toFixed(0), csv.cpuMs.toFixed(0));
  }
}
