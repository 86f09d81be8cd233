import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ControlResult } from '@carepath/plugin-compliance-common';
import type { Knex } from 'knex';
import type { ServiceSnapshot } from './EvaluationStore';
import {
  componentEntity,
  deployment,
  groupEntity,
} from '../__testUtils__/builders';
import { createTestEvaluator } from '../__testUtils__/createTestEvaluator';
import { startSourcesServer } from '../__testUtils__/sourcesServer';
import {
  createPostgresDatabase,
  createSqliteDatabase,
} from '../__testUtils__/testDatabase';

const now = new Date('2026-11-24T12:00:00.000Z');
const afterExpiry = new Date('2027-01-01T12:00:00.000Z');

/**
 * One scenario: two services, one with an approved exemption, evaluated
 * before and after the exemption expires. Returns everything an officer
 * sees, minus the run ids and hashes that differ by construction.
 */
async function runScenario(knex: Knex) {
  const server = await startSourcesServer({
    workloads: {
      'fhir-gateway': [
        {
          cluster: 'prod-east',
          objects: [deployment({ name: 'fhir-gateway' })],
        },
      ],
      'intake-api': [
        {
          cluster: 'prod-west',
          objects: [deployment({ name: 'intake-api', compliant: false })],
        },
      ],
    },
    platformRecords: {
      'component:default/fhir-gateway': {
        databases: [
          {
            name: 'fhir',
            classification: 'phi',
            backupPolicy: { maxAgeHours: 24 },
            lastBackupAt: '2026-11-24T06:00:00.000Z',
            lastRestoreTestAt: '2026-10-01T00:00:00.000Z',
            lastCredentialRotationAt: '2026-06-01T00:00:00.000Z',
            deletionProtection: true,
          },
        ],
      },
    },
  });
  try {
    const { evaluator, evaluations, evidence, exemptions } =
      createTestEvaluator({
        knex,
        discovery: server.discovery,
        catalog: catalogServiceMock({
          entities: [
            componentEntity({ name: 'fhir-gateway', system: 'records' }),
            componentEntity({
              name: 'intake-api',
              owner: 'group:default/missing',
            }),
            groupEntity('care-coordination'),
          ],
        }),
      });
    const { id } = await exemptions.request({
      entityRef: 'component:default/intake-api',
      controlId: 'CP-INT-01',
      justification: 'Legacy renderer writes to /tmp until the rewrite',
      expiresAt: '2026-12-24T12:00:00.000Z',
      requestedBy: 'user:default/alice',
      now,
    });
    await exemptions.decide({
      id,
      decision: 'approved',
      decidedBy: 'user:default/olivia',
      comment: 'ok',
      now,
    });

    const runs = [];
    for (const at of [now, afterExpiry]) {
      const run = await evaluator.evaluate({ now: at });
      runs.push({
        summary: run.summary,
        unavailable: run.unavailableSources,
        services: await evaluations.services({ evaluationId: run.id }),
        evidence: (await evidence.listByEvaluation(run.id)).map(
          ({ evaluationId: _e, hash: _h, prevHash: _p, ...rest }) => rest,
        ),
      });
    }
    const outcome = {
      runs,
      history: await evaluations.history({}),
      verify: await evidence.verify(),
    };
    return JSON.parse(
      JSON.stringify(outcome).split(id).join('<exemption>'),
    ) as typeof outcome;
  } finally {
    await server.close();
  }
}

describe('the same results on SQLite and PostgreSQL', () => {
  let sqlite: Knex;
  let postgres: Awaited<ReturnType<typeof createPostgresDatabase>>;

  beforeAll(async () => {
    sqlite = await createSqliteDatabase();
    postgres = await createPostgresDatabase();
  }, 60_000);

  afterAll(async () => {
    await sqlite?.destroy();
    await postgres?.stop();
  });

  it('evaluates, exempts, expires and verifies identically', async () => {
    const onSqlite = await runScenario(sqlite);
    const onPostgres = await runScenario(postgres.knex);
    expect(onPostgres).toEqual(onSqlite);

    const status = (run: number, ref: string, controlId: string) =>
      onSqlite.runs[run].services
        .find((s: ServiceSnapshot) => s.entityRef === ref)
        ?.results.find((r: ControlResult) => r.controlId === controlId)?.status;
    expect(status(0, 'component:default/intake-api', 'CP-INT-01')).toBe(
      'exempt',
    );
    expect(status(1, 'component:default/intake-api', 'CP-INT-01')).toBe('fail');
    expect(status(0, 'component:default/intake-api', 'CP-CAT-01')).toBe('fail');
    expect(status(0, 'component:default/fhir-gateway', 'CP-CON-01')).toBe(
      'pass',
    );
    expect(onSqlite.verify).toMatchObject({ ok: true });
    expect(onSqlite.history.overall).toHaveLength(2);

    // What was observed is stored once, in the evidence, and every result
    // reads back its own record's.
    for (const run of onSqlite.runs) {
      for (const service of run.services) {
        for (const result of service.results) {
          const record = run.evidence.find(
            e =>
              e.entityRef === service.entityRef &&
              e.controlId === result.controlId,
          );
          expect(record).toBeDefined();
          expect(result.observed).toEqual(record!.observed);
        }
      }
    }
    const stored: Array<{ entity_ref: string; results: string }> = await sqlite(
      'evaluation_services',
    ).select('entity_ref', 'results');
    const components = stored.filter(r =>
      r.entity_ref.startsWith('component:'),
    );
    expect(components).toHaveLength(4);
    for (const row of components) {
      expect(row.results).not.toContain('"observed"');
    }
  }, 60_000);
});
