import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  processingResult,
  type CatalogProcessor,
  type CatalogProcessorEmit,
  type LocationSpec,
} from '@backstage/plugin-catalog-node';
import { complianceAnnotations } from '@carepath/plugin-compliance-common';

const PREFIX = 'carepath.io/';
const DATA_CLASSIFICATIONS = ['phi', 'pii', 'internal', 'public'];

/**
 * The `carepath.io/` catalog annotations CarePath reads: the compliance
 * annotations, what the golden paths record about a service, and the
 * lifecycle the platform recorded.
 *
 * @public
 */
export const knownCarepathAnnotations: string[] = [
  ...Object.values(complianceAnnotations),
  'carepath.io/template',
  'carepath.io/template-version',
  // Written by the golden paths: the service's database (read by the day-2
  // templates), its backup policy and the environments it was created for.
  'carepath.io/database',
  'carepath.io/backup-max-age-hours',
  'carepath.io/environments',
  // Set by the scaffolder module's catalog processor from the lifecycle the
  // platform recorded (carepath:catalog:lifecycle).
  'carepath.io/recorded-lifecycle',
];

/**
 * Validates `carepath.io/*` annotations as entities are processed. An
 * unknown data classification is a processing error (shown on the entity),
 * since the controls would otherwise treat the service as PHI silently; an
 * unknown `carepath.io/` key is only a warning, usually a typo.
 *
 * @public
 */
export class CarepathAnnotationsProcessor implements CatalogProcessor {
  readonly #logger: LoggerService;

  constructor(options: { logger: LoggerService }) {
    this.#logger = options.logger;
  }

  getProcessorName(): string {
    return 'CarepathAnnotationsProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const annotations = entity.metadata.annotations ?? {};
    const entityName = `${entity.kind}:${
      entity.metadata.namespace ?? 'default'
    }/${entity.metadata.name}`;
    const classification =
      annotations[complianceAnnotations.dataClassification];
    if (
      classification !== undefined &&
      !DATA_CLASSIFICATIONS.includes(classification)
    ) {
      emit(
        processingResult.inputError(
          location,
          `${entityName}: annotation ${
            complianceAnnotations.dataClassification
          } is "${classification}"; expected one of ${DATA_CLASSIFICATIONS.join(
            ', ',
          )}`,
        ),
      );
    }
    for (const key of Object.keys(annotations)) {
      if (key.startsWith(PREFIX) && !knownCarepathAnnotations.includes(key)) {
        this.#logger.warn(
          `${entityName} at ${location.type}:${
            location.target
          }: unknown annotation ${key}; known carepath.io annotations are ${knownCarepathAnnotations.join(
            ', ',
          )}`,
        );
      }
    }
    return entity;
  }
}
