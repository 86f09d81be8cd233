import type { ControlResult } from '@carepath/plugin-compliance-common';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { EvidenceStore } from '../evidence/EvidenceStore';
import { EvaluationStore, type EvaluationRecord } from './EvaluationStore';

const evaluatedAt = '2026-11-24T10:00:00.000Z';

const evaluation: EvaluationRecord = {
  id: 'run-1',
  evaluatedAt,
  controlsVersion: '2026.11.0',
  trigger: 'manual',
  unavailableSources: [],
  partialSources: [],
  summary: {} as EvaluationRecord['summary'],
};

function result(overrides: Partial<ControlResult>): ControlResult {
  return {
    controlId: 'CP-INT-01',
    title: 'Containers have a read-only root filesystem',
    hipaa: ['164.312(c)(1)'],
    severity: 'high',
    status: 'pass',
    observed: { workloads: ['Deployment/a'] },
    violations: [],
    evaluatedAt,
    ...overrides,
  };
}

describe('EvaluationStore', () => {
  it('reads back every result as evaluated, headings and all', async () => {
    const knex = await createSqliteDatabase();
    const store = new EvaluationStore({
      knex,
      evidence: new EvidenceStore({ knex }),
    });
    const failing = result({
      status: 'exempt',
      violations: [
        {
          controlId: 'CP-INT-01',
          hipaa: ['164.312(c)(1)'],
          severity: 'high',
          field: 'spec.template.spec.containers[0].securityContext',
          message: 'writable root filesystem',
          remediation: 'Set readOnlyRootFilesystem: true',
        },
      ],
      exemption: { id: 'e-1', justification: 'vendor', expiresAt: evaluatedAt },
    });
    const services = [
      {
        entityRef: 'component:default/a',
        owner: 'group:default/team-a',
        dataClassification: 'phi',
        score: 1,
        passed: 1,
        failed: 0,
        exempt: 1,
        results: [
          result({}),
          failing,
          // A result whose time differs from the run's keeps its own.
          result({
            controlId: 'CP-CAT-03',
            title: 'The lifecycle is declared',
            evaluatedAt: '2026-11-24T10:00:01.000Z',
          }),
        ],
      },
    ];
    try {
      await knex.transaction(trx => store.write({ trx, evaluation, services }));
      await expect(store.services({ evaluationId: 'run-1' })).resolves.toEqual(
        services,
      );
      const stored = await knex('evaluation_services').first('results');
      expect(stored.results).not.toContain('read-only root filesystem');
    } finally {
      await knex.destroy();
    }
  });

  it('reads what was observed from the evidence records, and says so once they are purged', async () => {
    const knex = await createSqliteDatabase();
    const evidence = new EvidenceStore({ knex, retentionDays: 1 });
    const store = new EvaluationStore({ knex, evidence });
    const results = [
      result({ observed: { workloads: ['Deployment/a'] } }),
      result({
        controlId: 'CP-CAT-03',
        title: 'The lifecycle is declared',
        observed: { lifecycle: 'production' },
      }),
    ];
    const service = {
      entityRef: 'component:default/a',
      dataClassification: 'phi',
      score: 1,
      passed: 2,
      failed: 0,
      exempt: 0,
      results,
    };
    try {
      const [first] = await evidence.appendSnapshot({
        records: results.map(r => ({
          evaluationId: 'run-1',
          entityRef: service.entityRef,
          controlId: r.controlId,
          status: r.status,
          observed: r.observed,
          controlsVersion: '2026.11.0',
          evaluatedAt,
        })),
        write: trx =>
          store.write({
            trx,
            evaluation,
            services: [{ ...service, evidenceFirstSeq: 1 }],
          }),
      });
      expect(first.seq).toBe(1);
      const stored = await knex('evaluation_services').first('results');
      expect(stored.results).not.toContain('production');
      const [read] = await store.services({ evaluationId: 'run-1' });
      expect(read.results.map(r => r.observed)).toEqual([
        { workloads: ['Deployment/a'] },
        { lifecycle: 'production' },
      ]);

      await evidence.purgeExpired({ now: new Date('2026-11-30T00:00:00Z') });
      const [afterPurge] = await store.services({ evaluationId: 'run-1' });
      expect(afterPurge.passed).toBe(2);
      expect(afterPurge.results.map(r => r.status)).toEqual(['pass', 'pass']);
      expect(afterPurge.results[1].observed).toEqual({
        unavailable: expect.stringContaining(
          'evidence record 2 no longer holds this result: purged after the retention period',
        ),
      });
    } finally {
      await knex.destroy();
    }
  });
});
