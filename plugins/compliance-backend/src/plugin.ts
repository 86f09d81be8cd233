import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { compliancePermissions } from '@carepath/plugin-compliance-common';
import { AuditTrail, evidencePurgedAction } from './audit/AuditTrail';
import { TemplateAudit } from './audit/TemplateAudit';
import { ControlCatalog } from './controls/ControlCatalog';
import { seedDemoExemptions } from './demo/seedDemoExemptions';
import { migrateComplianceDatabase } from './database/migrateComplianceDatabase';
import { ComplianceEvaluator } from './evaluation/ComplianceEvaluator';
import { EvaluationStore } from './evaluation/EvaluationStore';
import { HttpComplianceSources } from './evaluation/HttpComplianceSources';
import { waitForSources } from './evaluation/waitForSources';
import { EvidenceStore } from './evidence/EvidenceStore';
import { ExemptionStore } from './exemptions/ExemptionStore';
import { createComplianceRouter } from './service/createComplianceRouter';
import { readComplianceConfig } from './service/readComplianceConfig';

/**
 * The compliance backend: scheduled and on-demand evaluations of every
 * catalog Component against the controls, hash-chained evidence and audit
 * trail, exemptions, history and exports, at `/api/compliance`.
 *
 * @public
 */
export const compliancePlugin = createBackendPlugin({
  pluginId: 'compliance',
  register(env) {
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { auth, config, logger, scheduler } = deps;
        const settings = readComplianceConfig(config);
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await migrateComplianceDatabase(knex);
        }
        deps.permissionsRegistry.addPermissions(compliancePermissions);

        const controls = await ControlCatalog.create({
          file: settings.controlsFile,
          logger,
        });
        const evidence = new EvidenceStore({
          knex,
          retentionDays: settings.retentionDays,
        });
        const evaluations = new EvaluationStore({ knex, evidence });
        const exemptions = new ExemptionStore({ knex });
        const auditTrail = new AuditTrail({ knex, auditor: deps.auditor });
        const sources = new HttpComplianceSources({
          discovery: deps.discovery,
          auth,
        });
        const evaluator = new ComplianceEvaluator({
          catalog: deps.catalog,
          auth,
          sources,
          controls,
          evidence,
          evaluations,
          exemptions,
          auditTrail,
          logger,
        });

        if (settings.demoExemptionsFile) {
          // Demo data never stops the portal from starting: a bad seed file
          // is reported and nothing of it is stored.
          await seedDemoExemptions({
            file: settings.demoExemptionsFile,
            exemptions,
            auditTrail,
            logger,
          }).catch(error =>
            logger.error(`Demo exemptions not seeded: ${error}`),
          );
        }

        // The first run after a start waits for the catalog and fleet; a
        // later run judges what is there and records what was partial.
        let waitedForSources = false;
        await scheduler.scheduleTask({
          id: 'compliance-evaluation',
          scope: 'global',
          ...settings.schedule,
          fn: async () => {
            if (!waitedForSources) {
              waitedForSources = true;
              await waitForSources({
                catalog: deps.catalog,
                auth,
                sources,
                logger,
                maxWaitMs: settings.startupWaitSeconds * 1000,
              });
            }
            await evaluator.evaluate({ trigger: 'schedule' });
            const { deleted } = await evidence.purgeExpired({
              now: new Date(),
              // The purge is recorded in the audit chain in the same
              // transaction: verification accepts the new start of the
              // evidence chain only because this event attests it.
              write: async (trx, purge) => {
                await auditTrail.record({
                  trx,
                  actor: 'plugin:compliance',
                  action: evidencePurgedAction,
                  details: {
                    deleted: purge.deleted,
                    retentionDays: settings.retentionDays,
                    startSeq: purge.start.seq,
                    startPrevHash: purge.start.prevHash,
                  },
                });
              },
            });
            if (deleted > 0) {
              logger.info(
                `Purged ${deleted} evidence records older than ${settings.retentionDays} days`,
              );
            }
          },
        });
        const templateAudit = new TemplateAudit({
          knex,
          catalog: deps.catalog,
          auth,
          auditTrail,
          logger,
        });
        await scheduler.scheduleTask({
          id: 'compliance-template-audit',
          scope: 'global',
          frequency: { minutes: settings.templateAuditMinutes },
          timeout: { minutes: 5 },
          // After a start, give the catalog time to read the template
          // locations before taking the baseline.
          initialDelay: { minutes: settings.templateAuditMinutes },
          fn: async () => {
            await templateAudit.run();
          },
        });
        if (settings.controlsFile) {
          await scheduler.scheduleTask({
            id: 'compliance-controls-reload',
            scope: 'local',
            frequency: { minutes: settings.controlsReloadMinutes },
            timeout: { minutes: 1 },
            initialDelay: { minutes: settings.controlsReloadMinutes },
            fn: async () => {
              try {
                await controls.reload();
              } catch (error) {
                const current = controls.current();
                logger.error(
                  `Compliance controls not reloaded; ${current.source} (${current.controlsVersion}) stays in force: ${error}`,
                );
              }
            },
          });
        }

        deps.httpRouter.use(
          await createComplianceRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            logger,
            controls,
            evaluator,
            evaluations,
            evidence,
            exemptions,
            auditTrail,
          }),
        );
      },
    });
  },
});
