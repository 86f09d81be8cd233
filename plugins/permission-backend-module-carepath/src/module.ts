import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { CarePathPermissionPolicy } from './CarePathPermissionPolicy';
import { CarePathRoles } from './CarePathRoles';
import { CatalogOwnedEntities } from './CatalogOwnedEntities';

/**
 * Installs CarePath's role policy as the permission backend's policy.
 *
 * @public
 */
export const permissionModuleCarepath = createBackendModule({
  pluginId: 'permission',
  moduleId: 'carepath-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ policy, config, userInfo, auth, catalog }) {
        policy.setPolicy(
          new CarePathPermissionPolicy({
            roles: CarePathRoles.fromConfig(config),
            ownedEntities: new CatalogOwnedEntities({ catalog, auth }),
            userInfo,
          }),
        );
      },
    });
  },
});
