import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { DEFAULT_RESTART_WINDOW_MS } from '@carepath/plugin-fleet-common';

/** The `fleet` config block, resolved. */
export interface FleetSettings {
  restartWindowMs: number;
  requestTimeoutMs: number;
  catalogRefreshIntervalMs: number;
  catalogChangeCheckIntervalMs: number;
  eventsPerObject: number;
}

function durationMs(config: Config, key: string, fallback: number): number {
  if (!config.has(key)) return fallback;
  try {
    const d = readDurationFromConfig(config, { key });
    return (
      (d.milliseconds ?? 0) +
      (d.seconds ?? 0) * 1000 +
      (d.minutes ?? 0) * 60_000 +
      (d.hours ?? 0) * 3_600_000
    );
  } catch (error) {
    throw new Error(
      `Invalid config ${key}: ${String(
        error,
      )}; use an ISO 8601 duration ("PT30S") or an object such as { seconds: 30 }`,
    );
  }
}

/**
 * Reads the `fleet` config block with defaults.
 *
 * @public
 */
export function readFleetConfig(config: Config): FleetSettings {
  const eventsPerObject =
    config.getOptionalNumber('fleet.eventsPerObject') ?? 10;
  if (!Number.isInteger(eventsPerObject) || eventsPerObject < 0) {
    throw new Error(
      `Invalid config fleet.eventsPerObject: ${eventsPerObject}; use a whole number of at least 0`,
    );
  }
  return {
    restartWindowMs: durationMs(
      config,
      'fleet.restartWindow',
      DEFAULT_RESTART_WINDOW_MS,
    ),
    requestTimeoutMs: durationMs(config, 'fleet.requestTimeout', 10_000),
    catalogRefreshIntervalMs: durationMs(
      config,
      'fleet.catalogRefreshInterval',
      600_000,
    ),
    catalogChangeCheckIntervalMs: durationMs(
      config,
      'fleet.catalogChangeCheckInterval',
      5_000,
    ),
    eventsPerObject,
  };
}
