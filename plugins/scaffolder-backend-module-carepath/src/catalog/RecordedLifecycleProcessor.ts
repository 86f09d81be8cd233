import type { LoggerService } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogProcessor } from '@backstage/plugin-catalog-node';
import type { RecordedLifecycles } from './RecordedLifecycles';

/** The annotation holding the lifecycle the platform recorded. */
export const recordedLifecycleAnnotation = 'carepath.io/recorded-lifecycle';

/** Kinds whose spec has a lifecycle. */
const kindsWithLifecycle = new Set(['component', 'api']);

/**
 * Overlays the lifecycle recorded by `carepath:catalog:lifecycle` onto
 * `spec.lifecycle`, and records it as the `carepath.io/recorded-lifecycle`
 * annotation, so a move (e.g. to deprecated) shows in the catalog without a
 * commit to the service's repository. Runs after the other processors, so
 * the entity's own validation sees the repository's value.
 *
 * When the scaffolder does not answer, the last lifecycle this processor
 * saw for the entity is kept; with none, the entity stays as its
 * repository describes it, and a warning names the entity.
 */
export class RecordedLifecycleProcessor implements CatalogProcessor {
  private readonly lastSeen = new Map<string, string | null>();

  constructor(
    private readonly options: {
      lifecycles: RecordedLifecycles;
      logger: LoggerService;
    },
  ) {}

  getProcessorName(): string {
    return 'RecordedLifecycleProcessor';
  }

  async postProcessEntity(entity: Entity): Promise<Entity> {
    if (!kindsWithLifecycle.has(entity.kind.toLowerCase()) || !entity.spec) {
      return entity;
    }
    const entityRef = stringifyEntityRef(entity);
    let lifecycle: string | null;
    try {
      lifecycle = await this.options.lifecycles.lifecycleOf(entityRef);
      this.lastSeen.set(entityRef, lifecycle);
    } catch (error) {
      const last = this.lastSeen.get(entityRef);
      this.options.logger.warn(
        `Recorded lifecycle of ${entityRef} not read (${
          error instanceof Error ? error.message : String(error)
        }); ${last ? `keeping the last one read, ${last}` : 'showing its own'}`,
      );
      lifecycle = last ?? null;
    }
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
}
