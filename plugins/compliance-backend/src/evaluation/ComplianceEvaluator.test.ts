import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import {
  componentEntity,
  deployment,
  groupEntity,
} from '../__testUtils__/builders';
import {
  startSourcesServer,
  type SourcesFixture,
} from '../__testUtils__/sourcesServer';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { createTestEvaluator } from '../__testUtils__/createTestEvaluator';

const fixture: SourcesFixture = {
  workloads: {
    'fhir-gateway': [
      { cluster: 'prod-east', objects: [deployment({ name: 'fhir-gateway' })] },
    ],
    'intake-api': [
      {
        cluster: 'prod-east',
        objects: [deployment({ name: 'intake-api', compliant: false })],
      },
    ],
  },
};

const entities = [
  componentEntity({ name: 'fhir-gateway' }),
  componentEntity({ name: 'intake-api', system: 'intake' }),
  groupEntity('care-coordination'),
];

describe('ComplianceEvaluator', () => {
  it('does not ask fleet about a component without Kubernetes annotations', async () => {
    const server = await startSourcesServer(fixture);
    const knexDb = await createSqliteDatabase();
    try {
      const { evaluator } = createTestEvaluator({
        knex: knexDb,
        discovery: server.discovery,
        catalog: catalogServiceMock({
          entities: [
            componentEntity({ name: 'consent-forms', kubernetes: false }),
            groupEntity('care-coordination'),
          ],
        }),
      });
      const run = await evaluator.evaluate({
        now: new Date('2026-11-24T12:00:00Z'),
      });
      expect(run.unavailableSources).toEqual([]);
      expect(server.requests).not.toContainEqual(
        expect.stringContaining('consent-forms/observations'),
      );
    } finally {
      await server.close();
      await knexDb.destroy();
    }
  });

  let knex: Knex;

  beforeEach(async () => {
    knex = await createSqliteDatabase();
  });

  afterEach(() => knex.destroy());

  it('leaves nothing of a run the database fails midway', async () => {
    const server = await startSourcesServer(fixture);
    try {
      const { evaluator, evidence, evaluations } = createTestEvaluator({
        knex,
        discovery: server.discovery,
        catalog: catalogServiceMock({
          entities: [
            ...Array.from({ length: 600 }, (_, i) =>
              componentEntity({ name: `service-${i}`, kubernetes: false }),
            ),
            groupEntity('care-coordination'),
          ],
        }),
      });
      // The second chunk of records fails, after the first chunk and the
      // first services' rows were written in the transaction.
      await knex.raw(
        `create trigger evidence_fails before insert on evidence
         when new.seq = 6000 begin select raise(abort, 'disk full'); end`,
      );
      await expect(evaluator.evaluate()).rejects.toThrow('disk full');
      for (const table of ['evidence', 'evaluation_services', 'evaluations']) {
        await expect(knex(table).count({ n: '*' })).resolves.toEqual([
          { n: 0 },
        ]);
      }
      await knex.raw('drop trigger evidence_fails');
      const run = await evaluator.evaluate();
      await expect(evidence.countByEvaluation(run.id)).resolves.toBeGreaterThan(
        6000,
      );
      await expect(evidence.verify()).resolves.toMatchObject({ ok: true });
      // Services are written as their records are: each one exactly once,
      // with the counts its stored results add up to.
      const services = await evaluations.services({ evaluationId: run.id });
      const components = services.filter(s =>
        s.entityRef.startsWith('component:'),
      );
      expect(new Set(components.map(s => s.entityRef)).size).toBe(600);
      expect(components).toHaveLength(600);
      for (const service of components) {
        expect(service.results.filter(r => r.status === 'fail').length).toBe(
          service.failed,
        );
      }
      expect(run.summary.services).toHaveLength(600);
    } finally {
      await server.close();
    }
  });

  it('evaluates every Component from live workloads into one evidence snapshot', async () => {
    const server = await startSourcesServer(fixture);
    try {
      const { evaluator, evidence, evaluations } = createTestEvaluator({
        knex,
        discovery: server.discovery,
        catalog: catalogServiceMock({ entities }),
      });
      const run = await evaluator.evaluate({
        now: new Date('2026-11-24T12:00:00Z'),
      });
      expect(run.unavailableSources).toEqual([]);
      const services = await evaluations.services({ evaluationId: run.id });
      const intake = services.find(
        s => s.entityRef === 'component:default/intake-api',
      );
      expect(intake).toMatchObject({
        owner: 'group:default/care-coordination',
        system: 'system:default/intake',
        dataClassification: 'phi',
      });
      const status = (ref: string, id: string) =>
        services
          .find(s => s.entityRef === ref)
          ?.results.find(r => r.controlId === id)?.status;
      expect(status('component:default/intake-api', 'CP-INT-01')).toBe('fail');
      expect(status('component:default/fhir-gateway', 'CP-INT-01')).toBe(
        'pass',
      );
      expect(status('component:default/fhir-gateway', 'CP-CAT-01')).toBe(
        'pass',
      );
      const records = await evidence.listByEvaluation(run.id);
      expect(records.length).toBe(
        services.reduce((n, s) => n + s.results.length, 0),
      );
      await expect(evidence.verify()).resolves.toMatchObject({ ok: true });
    } finally {
      await server.close();
    }
  });

  it('evaluates without an unreachable fleet: not-applicable, recorded, not failed', async () => {
    const server = await startSourcesServer(fixture);
    await server.close();
    const { evaluator, evaluations } = createTestEvaluator({
      knex,
      discovery: server.discovery,
      catalog: catalogServiceMock({ entities }),
    });
    const run = await evaluator.evaluate();
    expect(run.unavailableSources.map(u => u.source).sort()).toEqual([
      'fleet',
      'fleet-unregistered',
      'scaffolder',
    ]);
    expect(
      run.unavailableSources.find(u => u.source === 'fleet'),
    ).toMatchObject({
      services: 2,
      reason: expect.stringContaining('unreachable'),
    });
    const services = await evaluations.services({ evaluationId: run.id });
    const workloadResult = services
      .find(s => s.entityRef === 'component:default/intake-api')
      ?.results.find(r => r.controlId === 'CP-INT-01');
    expect(workloadResult?.status).toBe('not-applicable');
    const platform = services.find(
      s => s.entityRef === 'group:default/platform-team',
    );
    expect(platform?.results.map(r => r.status)).toEqual(['not-applicable']);
  });

  it('records a failing source per service and still judges the rest', async () => {
    const server = await startSourcesServer({
      ...fixture,
      failing: ['scaffolder'],
    });
    try {
      const { evaluator, evaluations } = createTestEvaluator({
        knex,
        discovery: server.discovery,
        catalog: catalogServiceMock({ entities }),
        logger: mockServices.logger.mock(),
      });
      const run = await evaluator.evaluate();
      expect(run.unavailableSources).toEqual([
        expect.objectContaining({
          source: 'scaffolder',
          reason: expect.stringContaining('503'),
        }),
      ]);
      const [fhir] = await evaluations.services({
        evaluationId: run.id,
        entityRef: 'component:default/fhir-gateway',
      });
      expect(fhir.results.find(r => r.controlId === 'CP-INT-01')?.status).toBe(
        'pass',
      );
      expect(fhir.results.find(r => r.controlId === 'CP-CON-01')?.status).toBe(
        'not-applicable',
      );
    } finally {
      await server.close();
    }
  });
});
