import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createDatabaseProvisionAction } from './actions/database/createDatabaseProvisionAction';
import { createRotateCredentialsAction } from './actions/database/createRotateCredentialsAction';
import { createDatabaseBackupAction } from './actions/database/createDatabaseBackupAction';
import { createDatabaseRestoreAction } from './actions/database/createDatabaseRestoreAction';
import { createDatabaseDecommissionAction } from './actions/database/createDatabaseDecommissionAction';
import { createKubernetesApplyAction } from './actions/kubernetes/createKubernetesApplyAction';
import { createKubernetesScaleAction } from './actions/kubernetes/createKubernetesScaleAction';
import { createCatalogLifecycleAction } from './actions/catalog/createCatalogLifecycleAction';
import { createComplianceCheckAction } from './actions/compliance/createComplianceCheckAction';
import { readPlatformConfig } from './config/PlatformConfig';
import { DatabaseServers } from './database/DatabaseServers';
import { ClusterConnections } from './kubernetes/ClusterConnections';
import {
  createPlatformRecordsHandler,
  platformRecordsPath,
} from './records/createPlatformRecordsHandler';
import { PlatformRecordStore } from './records/PlatformRecordStore';

/**
 * The CarePath platform actions for the scaffolder, with the platform
 * records they keep.
 *
 * @public
 */
export const scaffolderModuleCarepath = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'carepath',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        database: coreServices.database,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({
        scaffolder,
        config,
        database,
        auditor,
        logger,
        httpRouter,
        httpAuth,
      }) {
        const platform = readPlatformConfig(config);
        const records = await PlatformRecordStore.create({
          knex: await database.getClient(),
          skipMigrations: database.migrations?.skip,
        });
        const options = {
          servers: new DatabaseServers(platform.databaseServers),
          clusters: ClusterConnections.fromConfig(config),
          records,
          auditor,
          config: platform,
        };
        scaffolder.addActions(
          createDatabaseProvisionAction(options),
          createRotateCredentialsAction(options),
          createDatabaseBackupAction(options),
          createDatabaseRestoreAction(options),
          createDatabaseDecommissionAction(options),
          createKubernetesApplyAction(options),
          createKubernetesScaleAction(options),
          createComplianceCheckAction({ auditor }),
          createCatalogLifecycleAction({ records, auditor }),
        );
        httpRouter.use(createPlatformRecordsHandler({ records, httpAuth }));
        logger.info(
          `CarePath actions registered; platform records at /api/scaffolder${platformRecordsPath}`,
        );
      },
    });
  },
});
