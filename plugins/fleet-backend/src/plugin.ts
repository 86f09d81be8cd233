import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { fleetPermissions } from '@carepath/plugin-fleet-common';
import { FleetCache } from './cache/FleetCache';
import { ClusterSource } from './clusters/ClusterSource';
import { readFleetConfig } from './readFleetConfig';
import { createFleetRouter } from './router/createFleetRouter';
import { FleetChangeStream } from './router/FleetChangeStream';
import { CatalogServiceReader } from './service/CatalogServiceReader';

/**
 * Fleet health: watches every configured cluster and serves every catalog
 * service's live health at `/api/fleet`.
 *
 * @public
 */
export const fleetPlugin = createBackendPlugin({
  pluginId: 'fleet',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { config, logger, lifecycle } = deps;
        const settings = readFleetConfig(config);
        const clusters = ClusterSource.fromConfig(config);
        deps.permissionsRegistry.addPermissions(fleetPermissions);
        const stream = new FleetChangeStream({ logger, signals: deps.signals });
        const cache = new FleetCache({
          clusters,
          logger,
          requestTimeoutMs: settings.requestTimeoutMs,
          restartWindowMs: settings.restartWindowMs,
          eventsPerObject: settings.eventsPerObject,
          onEvent: event => stream.push(event),
        });
        const reader = new CatalogServiceReader({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          intervalMs: settings.catalogRefreshIntervalMs,
          changeCheckIntervalMs: settings.catalogChangeCheckIntervalMs,
          onServices: services => cache.setServices(services),
          onClusters: ClusterSource.usesCatalog(config)
            ? found => cache.setCatalogClusters(found)
            : undefined,
        });
        deps.httpRouter.use(
          createFleetRouter({
            cache,
            stream,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
          }),
        );
        lifecycle.addStartupHook(() => {
          logger.info(
            `Fleet watching ${clusters.length} cluster(s): ${clusters
              .map(c => c.name)
              .join(', ')}`,
          );
          cache.start();
          reader.start();
        });
        lifecycle.addShutdownHook(async () => {
          reader.stop();
          stream.stop();
          await cache.stop();
        });
      },
    });
  },
});
