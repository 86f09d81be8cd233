/**
 * CarePath fleet health for Backstage's new frontend system: the Fleet page
 * with every service's live Kubernetes health across clusters, the
 * unregistered-workloads view, and the entity "Kubernetes health" tab and
 * card. Install by adding the package to the app; the default export is the
 * plugin.
 *
 * @packageDocumentation
 */

import { fleetPlugin } from './plugin';

export default fleetPlugin;

export { fleetApiRef } from './api/FleetApi';
export type { FleetApi, UnregisteredWorkloadQuery } from './api/FleetApi';
export { FleetClient, serviceQueryString } from './api/FleetClient';
export { HealthChip } from './components/HealthChip/HealthChip';
export type { HealthChipProps } from './components/HealthChip/HealthChip';
export { useFleetServices } from './hooks/useFleetServices';
export { useServiceHealth } from './hooks/useServiceHealth';
export { useFleetClusters } from './hooks/useFleetClusters';
export {
  useFleetLiveUpdates,
  FLEET_SIGNAL_CHANNEL,
} from './hooks/useFleetLiveUpdates';
export type {
  FleetLiveUpdateOptions,
  FleetSignalMessage,
  LiveUpdateMode,
} from './hooks/useFleetLiveUpdates';
export {
  kubernetesHealthRouteRef,
  rootRouteRef,
  unregisteredRouteRef,
} from './routes';
export { hasKubernetesAnnotation } from './hasKubernetesAnnotation';
