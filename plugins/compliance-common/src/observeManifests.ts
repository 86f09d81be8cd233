import type { KubernetesObservations } from './KubernetesObservations';
import { observeKubernetesObjects } from './observeKubernetesObjects';

/**
 * Observes the parsed documents of one manifest file; every observation
 * (and so every violation) carries the file path.
 *
 * @public
 */
export function observeManifests(
  docs: unknown[],
  options: { file: string },
): KubernetesObservations {
  return observeKubernetesObjects(docs, {
    source: { type: 'manifest', file: options.file },
  });
}
