import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Compliance page. */
export const rootRouteRef = createRouteRef();

/** The exemptions queue under the Compliance page. */
export const exemptionsRouteRef = createRouteRef();

/** The "Compliance" tab of an entity page. */
export const entityComplianceRouteRef = createRouteRef();
