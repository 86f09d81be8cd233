import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { HttpRecordedLifecycles } from './RecordedLifecycles';
import { RecordedLifecycleProcessor } from './RecordedLifecycleProcessor';

/**
 * Catalog module showing lifecycles recorded by `carepath:catalog:lifecycle`
 * on the entities (`spec.lifecycle` and the `carepath.io/recorded-lifecycle`
 * annotation): `backend.add(catalogModuleCarepathLifecycle)`.
 *
 * @public
 */
export const catalogModuleCarepathLifecycle = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'carepath-lifecycle',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ catalog, config, discovery, auth, logger }) {
        const cacheSeconds = config.getOptionalNumber(
          'carepath.lifecycle.cacheSeconds',
        );
        if (
          cacheSeconds !== undefined &&
          (!Number.isFinite(cacheSeconds) || cacheSeconds < 0)
        ) {
          throw new Error(
            `carepath.lifecycle.cacheSeconds: must be a number of seconds, 0 or more (got ${cacheSeconds})`,
          );
        }
        catalog.addProcessor(
          new RecordedLifecycleProcessor({
            lifecycles: new HttpRecordedLifecycles({ discovery, auth }),
            logger,
            ...(cacheSeconds === undefined
              ? {}
              : { cacheMs: cacheSeconds * 1000 }),
          }),
        );
      },
    });
  },
});
