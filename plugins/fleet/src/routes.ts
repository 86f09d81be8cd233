import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Fleet page. */
export const rootRouteRef = createRouteRef();

/** The unregistered-workloads view under the Fleet page. */
export const unregisteredRouteRef = createRouteRef();

/** The "Kubernetes health" tab of an entity page. */
export const kubernetesHealthRouteRef = createRouteRef();
