import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read compliance results. A resource permission on catalog entities, so a
 * policy can conditionally allow "results of services I own".
 *
 * @public
 */
export const complianceResultsReadPermission = createPermission({
  name: 'compliance.results.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Verify the evidence hash chain.
 *
 * @public
 */
export const complianceEvidenceVerifyPermission = createPermission({
  name: 'compliance.evidence.verify',
  attributes: { action: 'read' },
});

/**
 * Export results and evidence (e.g. for auditors).
 *
 * @public
 */
export const complianceExportPermission = createPermission({
  name: 'compliance.export',
  attributes: { action: 'read' },
});

/**
 * Request an exemption for a service. A resource permission on catalog
 * entities, so a policy can allow owners to request for their services.
 *
 * @public
 */
export const complianceExemptionRequestPermission = createPermission({
  name: 'compliance.exemption.request',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Approve or reject exemption requests (compliance officers).
 *
 * @public
 */
export const complianceExemptionDecidePermission = createPermission({
  name: 'compliance.exemption.decide',
  attributes: { action: 'update' },
});

/**
 * Trigger an evaluation run on demand.
 *
 * @public
 */
export const complianceEvaluatePermission = createPermission({
  name: 'compliance.evaluate',
  attributes: {},
});

/**
 * Every compliance permission, for registration with the permission
 * framework.
 *
 * @public
 */
export const compliancePermissions = [
  complianceResultsReadPermission,
  complianceEvidenceVerifyPermission,
  complianceExportPermission,
  complianceExemptionRequestPermission,
  complianceExemptionDecidePermission,
  complianceEvaluatePermission,
];
