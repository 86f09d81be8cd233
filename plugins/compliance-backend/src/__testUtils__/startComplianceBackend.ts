import type { JsonObject } from '@backstage/config';
import {
  coreServices,
  createServiceFactory,
  type PermissionsService,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
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

/** The compliance plugin on a test backend, reading a real fake-sources server. */
export async function startComplianceBackend(
  options: {
    entities?: Entity[];
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
      catalogServiceMock.factory({
        entities: options.entities ?? defaultEntities,
      }),
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
