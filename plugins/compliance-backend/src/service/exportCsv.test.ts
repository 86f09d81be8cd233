import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import {
  componentEntity,
  deployment,
  groupEntity,
} from '../__testUtils__/builders';
import { createTestEvaluator } from '../__testUtils__/createTestEvaluator';
import { parseCsv } from '../__testUtils__/parseCsv';
import { startSourcesServer } from '../__testUtils__/sourcesServer';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { exportCsv } from './exportCsv';

describe('exportCsv', () => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await createSqliteDatabase();
  });

  afterEach(() => knex.destroy());

  it('writes the same rows for a run stored before control headings were kept', async () => {
    const server = await startSourcesServer({
      workloads: {
        'intake-api': [
          {
            cluster: 'prod-east',
            objects: [deployment({ name: 'intake-api', compliant: false })],
          },
        ],
      },
    });
    try {
      const { evaluator, evaluations, evidence, exemptions } =
        createTestEvaluator({
          knex,
          discovery: server.discovery,
          catalog: catalogServiceMock({
            entities: [
              componentEntity({ name: 'intake-api' }),
              groupEntity('care-coordination'),
            ],
          }),
        });
      const now = new Date();
      const requested = await exemptions.request({
        entityRef: 'component:default/intake-api',
        controlId: 'CP-INT-01',
        justification: 'Legacy renderer writes to /tmp until the Q2 rewrite',
        expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
        requestedBy: 'user:default/alice',
        now,
      });
      await exemptions.decide({
        id: requested.id,
        decision: 'approved',
        decidedBy: 'user:default/olivia',
        comment: 'ok',
        now,
      });
      const run = await evaluator.evaluate();
      const read = async () => {
        let text = '';
        for await (const chunk of exportCsv({
          evaluations,
          evidence,
          evaluationId: run.id,
        })) {
          text += chunk;
        }
        return parseCsv(text);
      };
      const withHeadings = await read();
      // As a run was stored before control headings were kept per run:
      // full results, no headings.
      for (const service of await evaluations.services({
        evaluationId: run.id,
      })) {
        await knex('evaluation_services')
          .where({ entity_ref: service.entityRef })
          .update({ results: JSON.stringify(service.results) });
      }
      await knex('evaluations').update({ controls: null });
      expect(
        (await evaluations.services({ evaluationId: run.id }))[0].results[0]
          .title,
      ).toEqual(expect.any(String));
      expect(await read()).toEqual(withHeadings);

      const [header, ...rows] = withHeadings;
      const exempt = rows.find(
        r => r[header.indexOf('controlId')] === 'CP-INT-01',
      );
      expect(exempt?.[header.indexOf('status')]).toBe('exempt');
      expect(exempt?.[header.indexOf('exemptUntil')]).toBe(requested.expiresAt);
      expect(exempt?.[header.indexOf('title')]).toBe(
        'Containers have a read-only root filesystem',
      );
    } finally {
      await server.close();
    }
  });
});
