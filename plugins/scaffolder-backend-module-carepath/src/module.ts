import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
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
import { CatalogEntityOwners } from './catalog/CatalogEntityOwners';
import { ComplianceAuditTrail } from './audit/ComplianceAuditTrail';
import type { PlatformAudit } from './audit/PlatformAudit';
import { readPlatformConfig } from './config/PlatformConfig';
import { DatabaseServers } from './database/DatabaseServers';
import { ClusterConnections } from './kubernetes/ClusterConnections';
import {
  createPlatformRecordsHandler,
  platformRecordsPath,
} from './records/createPlatformRecordsHandler';
import { PlatformRecordStore } from './records/PlatformRecordStore';
import { createPublishLocalAction } from './actions/publish/createPublishLocalAction';
import { LocalRepositories } from './repos/LocalRepositories';
import {
  createRepositoryFilesHandler,
  repositoryFilesPath,
} from './repos/createRepositoryFilesHandler';

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
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
      },
      async init({
        scaffolder,
        config,
        database,
        auditor,
        auth,
        discovery,
        logger,
        httpRouter,
        httpAuth,
        catalog,
      }) {
        const platform = readPlatformConfig(config);
        const audit: PlatformAudit = {
          auditor,
          trail: new ComplianceAuditTrail({ discovery, auth }),
          logger,
        };
        const records = await PlatformRecordStore.create({
          knex: await database.getClient(),
          skipMigrations: database.migrations?.skip,
        });
        const options = {
          servers: new DatabaseServers(platform.databaseServers),
          clusters: ClusterConnections.fromConfig(config),
          records,
          audit,
          config: platform,
          owners: new CatalogEntityOwners({ catalog, auth }),
        };
        scaffolder.addActions(
          createDatabaseProvisionAction(options),
          createRotateCredentialsAction(options),
          createDatabaseBackupAction(options),
          createDatabaseRestoreAction(options),
          createDatabaseDecommissionAction(options),
          createKubernetesApplyAction(options),
          createKubernetesScaleAction(options),
          createComplianceCheckAction({ audit }),
          createCatalogLifecycleAction({ records, audit }),
        );
        httpRouter.use(createPlatformRecordsHandler({ records, httpAuth }));
        const publishDirectory = config.getOptionalString(
          'carepath.publishLocal.directory',
        );
        if (publishDirectory) {
          const repositories = new LocalRepositories({
            directory: publishDirectory,
          });
          scaffolder.addActions(
            createPublishLocalAction({
              repositories,
              contentsBaseUrl: `${config.getString(
                'backend.baseUrl',
              )}/api/scaffolder${repositoryFilesPath}`,
              author: {
                name:
                  config.getOptionalString('scaffolder.defaultAuthor.name') ??
                  'CarePath',
                email:
                  config.getOptionalString('scaffolder.defaultAuthor.email') ??
                  'scaffolder@carepath.local',
              },
              commitMessage:
                config.getOptionalString('scaffolder.defaultCommitMessage') ??
                'Initial commit',
              audit,
            }),
          );
          httpRouter.use(
            createRepositoryFilesHandler({ repositories, httpRouter }),
          );
          logger.info(
            `Local publishing enabled: repositories in ${publishDirectory}`,
          );
        }
        logger.info(
          `CarePath actions registered; platform records at /api/scaffolder${platformRecordsPath}`,
        );
      },
    });
  },
});
