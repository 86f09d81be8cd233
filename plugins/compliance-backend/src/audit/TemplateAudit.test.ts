import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import { createSqliteDatabase } from '../__testUtils__/testDatabase';
import { AuditTrail } from './AuditTrail';
import { TemplateAudit, templateContentHash } from './TemplateAudit';

function template(name: string, steps: string[]): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${Math.random()}`,
      etag: `etag-${Math.random()}`,
      annotations: {
        'backstage.io/managed-by-location': `file:/repo/templates/${name}/template.yaml`,
      },
    },
    spec: { type: 'service', owner: 'group:default/platform-team', steps },
  };
}

describe('TemplateAudit', () => {
  let knex: Knex;
  let auditTrail: AuditTrail;
  let templates: Entity[];
  let audit: TemplateAudit;

  beforeEach(async () => {
    knex = await createSqliteDatabase();
    auditTrail = new AuditTrail({ knex });
    templates = [];
    audit = new TemplateAudit({
      knex,
      catalog: catalogServiceMock.mock({
        getEntities: async () => ({ items: templates }),
      }),
      auth: mockServices.auth(),
      auditTrail,
      logger: mockServices.logger.mock(),
    });
  });

  afterEach(() => knex.destroy());

  it('ignores what the catalog adds while processing', () => {
    const a = template('node-service', ['fetch']);
    const b = { ...a, metadata: { ...a.metadata, uid: 'other', etag: 'x' } };
    expect(templateContentHash(a)).toBe(templateContentHash(b));
  });

  it('records registered, changed and unregistered Templates once each', async () => {
    templates = [template('node-service', ['fetch'])];
    await expect(audit.run()).resolves.toEqual({
      registered: 1,
      changed: 0,
      unregistered: 0,
    });
    const firstHash = templateContentHash(templates[0]);

    // Reprocessed by the catalog without a change: nothing new.
    templates = [template('node-service', ['fetch'])];
    await audit.run();
    templates = [
      template('node-service', ['fetch', 'publish']),
      template('python-service', ['fetch']),
    ];
    await audit.run();
    templates = [template('python-service', ['fetch'])];
    await audit.run();

    const events = await auditTrail.list();
    expect(events.map(e => [e.action, e.entityRef, e.actor])).toEqual([
      [
        'template.registered',
        'template:default/node-service',
        'plugin:catalog',
      ],
      ['template.changed', 'template:default/node-service', 'plugin:catalog'],
      [
        'template.registered',
        'template:default/python-service',
        'plugin:catalog',
      ],
      [
        'template.unregistered',
        'template:default/node-service',
        'plugin:catalog',
      ],
    ]);
    expect(events[0].details).toEqual({
      location: 'file:/repo/templates/node-service/template.yaml',
      newHash: firstHash,
      baseline: true,
    });
    expect(events[1].details).toMatchObject({
      oldHash: firstHash,
      newHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(events[1].details.newHash).not.toBe(firstHash);
    expect(events[2].details.baseline).toBeUndefined();
    expect(events[3].details).toEqual({
      location: 'file:/repo/templates/node-service/template.yaml',
      oldHash: events[1].details.newHash,
    });
  });
});
