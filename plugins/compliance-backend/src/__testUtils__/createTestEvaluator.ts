import type {
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Knex } from 'knex';
import { AuditTrail } from '../audit/AuditTrail';
import { ControlCatalog } from '../controls/ControlCatalog';
import { ComplianceEvaluator } from '../evaluation/ComplianceEvaluator';
import { EvaluationStore } from '../evaluation/EvaluationStore';
import { HttpComplianceSources } from '../evaluation/HttpComplianceSources';
import { EvidenceStore } from '../evidence/EvidenceStore';
import { ExemptionStore } from '../exemptions/ExemptionStore';

/** An evaluator over real stores and real HTTP sources, with the shipped controls. */
export function createTestEvaluator(options: {
  knex: Knex;
  discovery: DiscoveryService;
  catalog: CatalogService;
  logger?: LoggerService;
}) {
  const { knex } = options;
  const logger = options.logger ?? mockServices.logger.mock();
  const auth = mockServices.auth();
  const evidence = new EvidenceStore({ knex });
  const evaluations = new EvaluationStore({ knex, evidence });
  const exemptions = new ExemptionStore({ knex });
  const auditTrail = new AuditTrail({ knex });
  const controls = ControlCatalog.fromSet({
    set: ControlCatalog.shipped(),
    logger,
  });
  const evaluator = new ComplianceEvaluator({
    catalog: options.catalog,
    auth,
    sources: new HttpComplianceSources({
      discovery: options.discovery,
      auth,
      timeoutMs: 1000,
    }),
    controls,
    evidence,
    evaluations,
    exemptions,
    auditTrail,
    logger,
  });
  return { evaluator, evidence, evaluations, exemptions, auditTrail };
}
