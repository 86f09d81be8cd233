import type { Control } from './Control';

/**
 * A validated set of controls loaded from one controls file.
 *
 * @public
 */
export interface ControlSet {
  /** The `controlsVersion` declared at the top of the file; recorded with every piece of evidence. */
  controlsVersion: string;
  /** The file the controls were read from, e.g. `hipaa-controls.yaml`. */
  source: string;
  controls: Control[];
}
