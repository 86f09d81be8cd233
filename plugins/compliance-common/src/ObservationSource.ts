/**
 * Where an observation came from: a live cluster (the fleet watch cache) or
 * a manifest file in a repository (the scaffolder check).
 *
 * @public
 */
export type ObservationSource =
  | { type: 'cluster'; cluster: string }
  | { type: 'manifest'; file: string };
