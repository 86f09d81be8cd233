import { readFile } from 'node:fs/promises';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  hipaaControlsSource,
  hipaaControlsYaml,
  parseControls,
  type ControlSet,
} from '@carepath/plugin-compliance-common';

/**
 * The controls in force. Loads the shipped HIPAA controls, or the file named
 * by `compliance.controlsFile`, which replaces them. A file that does not
 * parse never replaces a good set: on start the shipped set is used, on
 * reload the previous set stays.
 *
 * @public
 */
export class ControlCatalog {
  readonly #file?: string;
  readonly #logger: LoggerService;
  #current: ControlSet;

  private constructor(options: {
    file?: string;
    logger: LoggerService;
    initial: ControlSet;
  }) {
    this.#file = options.file;
    this.#logger = options.logger;
    this.#current = options.initial;
  }

  static shipped(): ControlSet {
    return parseControls(hipaaControlsYaml, { source: hipaaControlsSource });
  }

  /** A catalog holding a given set, with no file to reload from. */
  static fromSet(options: {
    set: ControlSet;
    logger: LoggerService;
  }): ControlCatalog {
    return new ControlCatalog({ logger: options.logger, initial: options.set });
  }

  /** Loads the configured controls, falling back to the shipped set (logged) when the file is bad. */
  static async create(options: {
    file?: string;
    logger: LoggerService;
  }): Promise<ControlCatalog> {
    const catalog = new ControlCatalog({
      ...options,
      initial: ControlCatalog.shipped(),
    });
    if (options.file) {
      try {
        await catalog.reload();
      } catch (error) {
        options.logger.error(
          `Compliance controls file refused, using the shipped ${
            catalog.current().source
          } (${catalog.current().controlsVersion}) instead: ${error}`,
        );
      }
    }
    return catalog;
  }

  current(): ControlSet {
    return this.#current;
  }

  /**
   * Re-reads the controls file. Throws (`ControlsParseError` naming the
   * file and field, or the read error) and keeps the set in force when the
   * file is bad.
   */
  async reload(): Promise<ControlSet> {
    if (!this.#file) {
      return this.#current;
    }
    const text = await readFile(this.#file, 'utf8');
    const next = parseControls(text, { source: this.#file });
    if (next.controlsVersion !== this.#current.controlsVersion) {
      this.#logger.info(
        `Compliance controls ${next.controlsVersion} loaded from ${this.#file}`,
      );
    }
    this.#current = next;
    return next;
  }
}
