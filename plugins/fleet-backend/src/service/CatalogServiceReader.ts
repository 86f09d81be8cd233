import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService as CatalogApi } from '@backstage/plugin-catalog-node';
import {
  ClusterSource,
  type ClusterDefinition,
} from '../clusters/ClusterSource';
import {
  catalogServiceFromEntity,
  type CatalogService,
} from './CatalogService';

/** Options of {@link CatalogServiceReader}. */
export interface CatalogServiceReaderOptions {
  catalog: CatalogApi;
  auth: AuthService;
  logger: LoggerService;
  intervalMs: number;
  onServices(services: CatalogService[]): void;
  /** Receives clusters from `Resource` entities of type `kubernetes-cluster`, when set. */
  onClusters?(clusters: ClusterDefinition[]): Promise<void>;
}

/**
 * Reads the catalog's Components with Kubernetes annotations with the
 * plugin's own credentials, at start and then periodically.
 *
 * @public
 */
export class CatalogServiceReader {
  private readonly options: CatalogServiceReaderOptions;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(options: CatalogServiceReaderOptions) {
    this.options = options;
  }

  start(): void {
    this.stopped = false;
    void this.refresh();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Reads the catalog once; failures are logged and retried next period. */
  async refresh(): Promise<void> {
    const { catalog, auth, logger } = this.options;
    try {
      const credentials = await auth.getOwnServiceCredentials();
      const { items } = await catalog.getEntities(
        { filter: { kind: 'Component' } },
        { credentials },
      );
      const services = items.flatMap(entity => {
        const service = catalogServiceFromEntity(entity);
        return service ? [service] : [];
      });
      this.options.onServices(services);
      if (this.options.onClusters) {
        const resources = await catalog.getEntities(
          { filter: { kind: 'Resource', 'spec.type': 'kubernetes-cluster' } },
          { credentials },
        );
        await this.options.onClusters(
          resources.items.flatMap(entity => {
            const cluster = ClusterSource.fromEntity(entity);
            return cluster ? [cluster] : [];
          }),
        );
      }
    } catch (error) {
      logger.warn(
        `Fleet could not read services or clusters from the catalog, keeping the previous ones: ${String(
          error,
        )}`,
      );
    } finally {
      if (!this.stopped) {
        clearTimeout(this.timer);
        this.timer = setTimeout(
          () => void this.refresh(),
          this.options.intervalMs,
        );
      }
    }
  }
}
