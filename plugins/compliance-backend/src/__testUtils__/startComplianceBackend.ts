import type { JsonObject } from '@backstage/config';
import {
  coreServices,
  createServiceFactory,
  type AuditorService,
  type PermissionsService,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { Knex } from 'knex';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { compliancePlugin } from '../plugin';
import { componentEntity, deployment, groupEntity } from './builders';
import { startSourcesServer, type SourcesFixture } from './sourcesServer';

export const defaultEntities: Entity[] = [
  componentEntity({ name: 'fhir-gateway', system: 'records' }),
  componentEntity({
    name: 'intake-api',
    owner: 'group:default/intake',
    annotations: { 'carepath.io/data-classification': 'pii' },
  }),
  groupEntity('care-coordination'),
  groupEntity('intake'),
];

export const defaultSources: SourcesFixture = {
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

/** Permissions that deny everything. */
export const denyAll: Partial<PermissionsService> = {
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.DENY })),
  authorizeConditional: async requests =>
    requests.map(() => ({ result: AuthorizeResult.DENY })),
};

/**
 * A catalog whose entities can change between reads (a Template edited,
 * removed), filtered by kind as the compliance plugin asks.
 */
function changingCatalog(entities: () => Entity[]) {
  return catalogServiceMock.mock({
    getEntities: async request => {
      const filter = request?.filter as { kind?: string } | undefined;
      return {
        items: entities().filter(e => !filter?.kind || e.kind === filter.kind),
      };
    },
    getEntitiesByRefs: async request => ({
      items: request.entityRefs.map(ref =>
        entities().find(e => stringifyEntityRef(e) === ref),
      ),
    }),
  }).factory;
}

/** The compliance plugin on a test backend, reading a real fake-sources server. */
export async function startComplianceBackend(
  options: {
    /** A function is read at every catalog request. */
    entities?: Entity[] | (() => Entity[]);
    /** The plugin's database; default the test backend's SQLite. */
    database?: Knex;
    auditor?: Partial<AuditorService>;
    sources?: SourcesFixture;
    permissions?: Partial<PermissionsService>;
    config?: JsonObject;
    scheduler?: Partial<SchedulerService>;
  } = {},
) {
  const sources = await startSourcesServer(options.sources ?? defaultSources);
  const backend = await startTestBackend({
    features: [
      compliancePlugin,
      typeof options.entities === 'function'
        ? changingCatalog(options.entities)
        : catalogServiceMock.factory({
            entities: options.entities ?? defaultEntities,
          }),
      ...(options.database
        ? [
            createServiceFactory({
              service: coreServices.database,
              deps: {},
              factory: () => ({
                getClient: async () => options.database as Knex,
              }),
            }),
          ]
        : []),
      ...(options.auditor
        ? [mockServices.auditor.mock(options.auditor).factory]
        : []),
      createServiceFactory({
        service: coreServices.discovery,
        deps: {},
        factory: () => sources.discovery,
      }),
      ...(options.permissions
        ? [mockServices.permissions.mock(options.permissions).factory]
        : []),
      ...(options.config
        ? [mockServices.rootConfig.factory({ data: options.config })]
        : []),
      ...(options.scheduler
        ? [mockServices.scheduler.mock(options.scheduler).factory]
        : []),
    ],
  });
  return {
    server: backend.server,
    stop: async () => {
      await backend.stop();
      await sources.close();
    },
  };
}
