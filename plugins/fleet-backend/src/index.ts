/**
 * CarePath fleet backend: list+watch of every configured cluster into a
 * compact cache, health rolled up per catalog service, served at
 * `/api/fleet` without touching any API server per request.
 *
 * @packageDocumentation
 */

export { fleetPlugin as default } from './plugin';
export { ClusterSource } from './clusters/ClusterSource';
export type { ClusterDefinition } from './clusters/ClusterSource';
export type { KubernetesObjectLike } from './watch/KubernetesObjectLike';
export { FLEET_SIGNAL_CHANNEL } from './router/FleetChangeStream';
