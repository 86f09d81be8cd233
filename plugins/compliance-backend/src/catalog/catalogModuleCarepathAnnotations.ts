import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CarepathAnnotationsProcessor } from './CarepathAnnotationsProcessor';

/**
 * Catalog module that validates `carepath.io/*` annotations:
 * `backend.add(catalogModuleCarepathAnnotations)`.
 *
 * @public
 */
export const catalogModuleCarepathAnnotations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'carepath-annotations',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ catalog, logger }) {
        catalog.addProcessor(new CarepathAnnotationsProcessor({ logger }));
      },
    });
  },
});
