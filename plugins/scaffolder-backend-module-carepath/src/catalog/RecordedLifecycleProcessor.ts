import type { LoggerService } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import type { RecordedLifecycles } from './RecordedLifecycles';

/** The annotation holding the lifecycle the platform recorded. */
export const recordedLifecycleAnnotation = 'carepath.io/recorded-lifecycle';

/** Kinds whose spec has a lifecycle. */
const kindsWithLifecycle = new Set(['component', 'api']);

/** How long the recorded lifecycles read are used before reading again. */
export const DEFAULT_LIFECYCLE_CACHE_MS = 10_000;

/**
 * Overlays the lifecycle recorded by `carepath:catalog:lifecycle` onto
 * `spec.lifecycle`, and records it as the `carepath.io/recorded-lifecycle`
 * annotation, so a move (e.g. to deprecated) shows in the catalog without a
 * commit to the service's repository. Runs after the other processors, so
 * the entity's own validation sees the repository's value.
 *
 * Every recorded lifecycle is read in one request and used for `cacheMs`
 * (default 10 s), so a processing pass over thousands of entities asks the
 * scaffolder a few times, not once per entity. When the scaffolder does not
 * answer, the lifecycles read last are kept (with none, entities stay as
 * their repositories describe them), one warning says so, and the read is
 * tried again after `cacheMs`.
 */
export class RecordedLifecycleProcessor implements CatalogProcessor {
  readonly #lifecycles: RecordedLifecycles;
  readonly #logger: LoggerService;
  readonly #cacheMs: number;
  #known: { lifecycles: Map<string, string>; readAt: Date } | undefined;
  #nextRead = 0;
  #reading: Promise<Map<string, string> | undefined> | undefined;

  constructor(options: {
    lifecycles: RecordedLifecycles;
    logger: LoggerService;
    cacheMs?: number;
  }) {
    this.#lifecycles = options.lifecycles;
    this.#logger = options.logger;
    this.#cacheMs = options.cacheMs ?? DEFAULT_LIFECYCLE_CACHE_MS;
  }

  getProcessorName(): string {
    return 'RecordedLifecycleProcessor';
  }

  async postProcessEntity(entity: Entity): Promise<Entity> {
    if (!kindsWithLifecycle.has(entity.kind.toLowerCase()) || !entity.spec) {
      return entity;
    }
    const lifecycle = (await this.#current())?.get(stringifyEntityRef(entity));
    if (!lifecycle) return entity;
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [recordedLifecycleAnnotation]: lifecycle,
        },
      },
      spec: { ...entity.spec, lifecycle },
    };
  }

  /** The lifecycles to use now: read again once `cacheMs` has passed. */
  async #current(): Promise<Map<string, string> | undefined> {
    if (Date.now() < this.#nextRead) {
      return this.#known?.lifecycles;
    }
    // Entities processed at the same time share one read.
    this.#reading ??= this.#read().finally(() => {
      this.#reading = undefined;
    });
    return this.#reading;
  }

  async #read(): Promise<Map<string, string> | undefined> {
    try {
      this.#known = {
        lifecycles: await this.#lifecycles.current(),
        readAt: new Date(),
      };
    } catch (error) {
      const known = this.#known;
      this.#logger.warn(
        `Recorded lifecycles not read (${
          error instanceof Error ? error.message : String(error)
        }); ${
          known
            ? `keeping the ${
                known.lifecycles.size
              } read at ${known.readAt.toISOString()}`
            : 'entities show the lifecycle their repositories give'
        }. Trying again in ${Math.round(this.#cacheMs / 1000)} s.`,
      );
    }
    this.#nextRead = Date.now() + this.#cacheMs;
    return this.#known?.lifecycles;
  }
}
