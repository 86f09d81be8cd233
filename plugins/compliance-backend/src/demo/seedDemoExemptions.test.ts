import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AuditTrail } from '../audit/AuditTrail';
import {
  componentEntity,
  deployment,
  groupEntity,
} from '../__testUtils__/builders';
import { createTestEvaluator } from '../__testUtils__/createTestEvaluator';
import { startSourcesServer } from '../__testUtils__/sourcesServer';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { ExemptionStore } from '../exemptions/ExemptionStore';
import { seedDemoExemptions } from './seedDemoExemptions';

// The file the embedded default seeds from.
const demoFile = resolve(
  __dirname,
  '../../../../examples/compliance-exemptions.yaml',
);

describe('seedDemoExemptions', () => {
  let knex: Knex;
  let exemptions: ExemptionStore;
  let auditTrail: AuditTrail;
  const logger = mockServices.logger.mock();
  const seed = () =>
    seedDemoExemptions({ file: demoFile, exemptions, auditTrail, logger });

  beforeEach(async () => {
    knex = await createSqliteDatabase();
    exemptions = new ExemptionStore({ knex });
    auditTrail = new AuditTrail({ knex });
  });

  afterEach(() => knex.destroy());

  it('seeds approved, rejected and pending exemptions, each audited as seeded', async () => {
    await expect(seed()).resolves.toEqual({
      seeded: [
        'demo-imaging-viewer-writable-root',
        'demo-imaging-viewer-root-user',
        'demo-legacy-fax-gateway-unregistered',
      ],
    });
    const all = await exemptions.list({ now: new Date() });
    expect(all.map(e => [e.id, e.state, e.decidedBy])).toEqual([
      [
        'demo-imaging-viewer-writable-root',
        'approved',
        'user:default/carol.compliance',
      ],
      [
        'demo-imaging-viewer-root-user',
        'rejected',
        'user:default/carol.compliance',
      ],
      ['demo-legacy-fax-gateway-unregistered', 'requested', undefined],
    ]);
    const trail = await auditTrail.list();
    expect(trail.map(e => [e.action, e.actor, e.details.seeded])).toEqual([
      ['exemption.requested', 'user:default/dana.developer', true],
      ['exemption.approved', 'user:default/carol.compliance', true],
      ['exemption.requested', 'user:default/dana.developer', true],
      ['exemption.rejected', 'user:default/carol.compliance', true],
      ['exemption.requested', 'user:default/pat.platform', true],
    ]);
    expect(trail[1].details).toMatchObject({
      exemptionId: 'demo-imaging-viewer-writable-root',
      seededFrom: 'compliance-exemptions.yaml',
    });
  });

  it('seeds nothing again after a restart', async () => {
    await seed();
    const before = await auditTrail.list();
    await expect(seed()).resolves.toEqual({ seeded: [] });
    expect(await auditTrail.list()).toEqual(before);
    await expect(auditTrail.verify()).resolves.toMatchObject({ ok: true });
  });

  it('turns the approved failure of the demo imaging viewer into exempt', async () => {
    await seed();
    const server = await startSourcesServer({
      workloads: {
        'imaging-viewer': [
          {
            cluster: 'prod-east',
            objects: [deployment({ name: 'imaging-viewer', compliant: false })],
          },
        ],
      },
    });
    try {
      const { evaluator, evaluations } = createTestEvaluator({
        knex,
        discovery: server.discovery,
        catalog: catalogServiceMock({
          entities: [
            componentEntity({
              name: 'imaging-viewer',
              owner: 'group:default/clinical-data',
            }),
            groupEntity('clinical-data'),
          ],
        }),
      });
      const run = await evaluator.evaluate();
      const [service] = await evaluations.services({
        evaluationId: run.id,
        entityRef: 'component:default/imaging-viewer',
      });
      const statusOf = (id: string) =>
        service.results.find(r => r.controlId === id)?.status;
      expect(statusOf('CP-INT-01')).toBe('exempt');
      expect(statusOf('CP-INT-04')).toBe('fail');
      expect(statusOf('CP-INT-02')).toBe('pass');
    } finally {
      await server.close();
    }
  });

  it('refuses to seed in production and names a bad file field', async () => {
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(seed()).resolves.toEqual({ seeded: [] });
    } finally {
      process.env.NODE_ENV = env;
    }
    expect(await exemptions.list({ now: new Date() })).toEqual([]);

    const bad = join(mkdtempSync(join(tmpdir(), 'seed-')), 'bad.yaml');
    writeFileSync(
      bad,
      'exemptions:\n  - id: demo-x\n    entityRef: component:default/x\n    controlId: CP-INT-01\n    justification: because\n    requestedBy: dana\n    expiresInDays: 30\n',
    );
    await expect(
      seedDemoExemptions({ file: bad, exemptions, auditTrail, logger }),
    ).rejects.toThrow(
      `${bad}: exemptions.0.requestedBy: must be a user entity ref`,
    );
  });
});
