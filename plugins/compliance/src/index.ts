/**
 * CarePath compliance for Backstage's new frontend system: the Compliance
 * page (overall score, failing controls, heat map, trend, exports), the
 * exemptions queue, the audit trail, evidence verification, and the entity
 * "Compliance" tab and card. Install by adding the package to the app; the
 * default export is the plugin.
 *
 * @packageDocumentation
 */

import { compliancePlugin } from './plugin';

export default compliancePlugin;

export { complianceApiRef } from './api/ComplianceApi';
export type {
  AuditEvent,
  AuditEventQuery,
  ChainVerification,
  ComplianceApi,
  ComplianceHistory,
  ComplianceResults,
  ControlsInForce,
  DownloadedFile,
  EntityComplianceResults,
  EvaluationInfo,
  EvidenceVerification,
  ExemptionRequest,
  ExemptionsQuery,
  ServiceCompliance,
  PartialSource,
  UnavailableSource,
} from './api/ComplianceApi';
export { ComplianceClient, resultsQueryString } from './api/ComplianceClient';
export { useComplianceResults } from './hooks/useComplianceResults';
export { useEntityCompliance } from './hooks/useEntityCompliance';
export { useExemptions } from './hooks/useExemptions';
export { useComplianceHistory } from './hooks/useComplianceHistory';
export {
  entityComplianceRouteRef,
  exemptionsRouteRef,
  rootRouteRef,
} from './routes';
export { isComplianceSubject } from './isComplianceSubject';
