import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ComplianceSources } from './ComplianceSources';

/** What the wait found when it ended. */
export interface SourcesReadiness {
  ready: boolean;
  waitedMs: number;
  /** Why it was not ready, when it was not. */
  waitingFor: string[];
}

/**
 * Waits, up to a bound, until the catalog has been read (it holds
 * Components and their number stopped changing between two looks) and
 * every fleet cluster reports `synced`. An evaluation started before then
 * would judge services against a half-read catalog and half-synced
 * clusters. Fleet answering 4xx means it is not installed: nothing to wait
 * for. Never throws; the caller evaluates either way.
 */
export async function waitForSources(options: {
  catalog: CatalogService;
  auth: AuthService;
  sources: ComplianceSources;
  logger: LoggerService;
  maxWaitMs: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}): Promise<SourcesReadiness> {
  const { catalog, auth, sources, logger, maxWaitMs } = options;
  // A short bound (tests, impatient installs) looks more often.
  const pollMs =
    options.pollMs ?? Math.min(5000, Math.max(100, maxWaitMs / 20));
  const sleep =
    options.sleep ??
    ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const started = now();
  logger.info(
    `Compliance evaluation waits up to ${Math.round(
      maxWaitMs / 1000,
    )} s for the catalog to be read and every fleet cluster to sync`,
  );
  let lastCount: number | undefined;
  let waitingFor: string[] = [];
  for (;;) {
    waitingFor = [];
    try {
      const credentials = await auth.getOwnServiceCredentials();
      const { items } = await catalog.getEntities(
        { filter: { kind: 'Component' }, fields: ['metadata.name'] },
        { credentials },
      );
      if (items.length === 0 || items.length !== lastCount) {
        waitingFor.push(
          `the catalog (${items.length} Components, ${
            lastCount === undefined ? 'first look' : `was ${lastCount}`
          })`,
        );
      }
      lastCount = items.length;
    } catch (error) {
      waitingFor.push(`the catalog (${error})`);
    }
    const clusters = await sources.clusters();
    if (clusters.available) {
      const unsynced = clusters.value.filter(c => c.state !== 'synced');
      if (unsynced.length > 0) {
        waitingFor.push(
          `fleet clusters ${unsynced
            .map(c => `${c.name} (${c.state})`)
            .join(', ')}`,
        );
      }
    } else if (clusters.down) {
      waitingFor.push(`fleet (${clusters.reason})`);
    }
    const waitedMs = now() - started;
    if (waitingFor.length === 0) {
      logger.info(
        `Compliance sources ready after ${Math.round(
          waitedMs / 1000,
        )} s: the catalog holds ${lastCount} Components${
          clusters.available
            ? `, fleet clusters synced: ${
                clusters.value.map(c => c.name).join(', ') || 'none configured'
              }`
            : `, fleet not installed (${clusters.reason})`
        }`,
      );
      return { ready: true, waitedMs, waitingFor };
    }
    if (waitedMs + pollMs > maxWaitMs) {
      logger.warn(
        `Compliance sources not ready after ${Math.round(
          waitedMs / 1000,
        )} s, still waiting for ${waitingFor.join(
          '; ',
        )}. Evaluating now; the evaluation records which fleet data was partial.`,
      );
      return { ready: false, waitedMs, waitingFor };
    }
    await sleep(pollMs);
  }
}
