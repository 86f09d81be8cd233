import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import {
  componentEntity,
  deployment,
  groupEntity,
} from '../__testUtils__/builders';
import { createTestEvaluator } from '../__testUtils__/createTestEvaluator';
import { startSourcesServer } from '../__testUtils__/sourcesServer';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { HttpComplianceSources } from './HttpComplianceSources';
import { waitForSources } from './waitForSources';

const entities = [
  componentEntity({ name: 'fhir-gateway' }),
  groupEntity('care-coordination'),
];
const workloads = {
  'fhir-gateway': [
    { cluster: 'prod-east', objects: [deployment({ name: 'fhir-gateway' })] },
  ],
};

function recordingLogger() {
  const lines: string[] = [];
  const logger = mockServices.logger.mock({
    info: message => {
      lines.push(`info ${message}`);
    },
    warn: message => {
      lines.push(`warn ${message}`);
    },
  });
  return { logger, lines };
}

describe('waitForSources', () => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await createSqliteDatabase();
  });

  afterEach(() => knex.destroy());

  it('waits until every fleet cluster has synced, then says so', async () => {
    let looks = 0;
    const server = await startSourcesServer({
      workloads,
      clusters: () => {
        looks += 1;
        return [
          { name: 'prod-east', state: 'synced' },
          { name: 'staging', state: looks < 3 ? 'syncing' : 'synced' },
        ];
      },
    });
    const { logger, lines } = recordingLogger();
    const auth = mockServices.auth();
    try {
      const readiness = await waitForSources({
        catalog: catalogServiceMock({ entities }),
        auth,
        sources: new HttpComplianceSources({
          discovery: server.discovery,
          auth,
        }),
        logger,
        maxWaitMs: 5000,
        pollMs: 20,
      });
      expect(readiness).toMatchObject({ ready: true, waitingFor: [] });
      expect(looks).toBe(3);
      expect(lines.at(-1)).toMatch(
        /^info Compliance sources ready after \d+ s: the catalog holds 1 Components, fleet clusters synced: prod-east, staging$/,
      );
    } finally {
      await server.close();
    }
  });

  it('gives up at the bound and the evaluation records the partial fleet data', async () => {
    const server = await startSourcesServer({
      workloads,
      clusters: [
        { name: 'prod-east', state: 'synced' },
        {
          name: 'staging',
          state: 'unreachable',
          lastError: 'connect ECONNREFUSED',
        },
      ],
    });
    const { logger, lines } = recordingLogger();
    const auth = mockServices.auth();
    const catalog = catalogServiceMock({ entities });
    try {
      const readiness = await waitForSources({
        catalog,
        auth,
        sources: new HttpComplianceSources({
          discovery: server.discovery,
          auth,
        }),
        logger,
        maxWaitMs: 200,
        pollMs: 20,
      });
      expect(readiness.ready).toBe(false);
      expect(lines.at(-1)).toContain(
        'still waiting for fleet clusters staging (unreachable). Evaluating now',
      );

      const { evaluator, evaluations } = createTestEvaluator({
        knex,
        discovery: server.discovery,
        catalog,
      });
      const run = await evaluator.evaluate();
      const expected = [
        {
          source: 'fleet',
          reason:
            'clusters not synced: staging (unreachable: connect ECONNREFUSED)',
        },
      ];
      expect(run.partialSources).toEqual(expected);
      expect((await evaluations.inForce())?.partialSources).toEqual(expected);
    } finally {
      await server.close();
    }
  });

  it('waits for the catalog while it is still empty', async () => {
    const server = await startSourcesServer({ workloads });
    const { logger, lines } = recordingLogger();
    const auth = mockServices.auth();
    try {
      const readiness = await waitForSources({
        catalog: catalogServiceMock({ entities: [] }),
        auth,
        sources: new HttpComplianceSources({
          discovery: server.discovery,
          auth,
        }),
        logger,
        maxWaitMs: 100,
        pollMs: 20,
      });
      expect(readiness.ready).toBe(false);
      expect(readiness.waitingFor).toEqual([
        'the catalog (0 Components, was 0)',
      ]);
      expect(lines.at(-1)).toMatch(/^warn Compliance sources not ready/);
    } finally {
      await server.close();
    }
  });
});
