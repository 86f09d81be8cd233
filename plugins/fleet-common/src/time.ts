import type { KubernetesTime } from './kubernetesObjects';
import type { Timestamp } from './projections';

/** Normalises an API timestamp (string or Date) to an ISO string. */
export function toTimestamp(
  value: KubernetesTime | null | undefined,
): Timestamp | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  }
  return value === '' ? undefined : value;
}

/** Milliseconds since the epoch, or undefined when absent or unparsable. */
export function timeOf(value: Timestamp | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Milliseconds from `value` to `now` (undefined when `value` is absent). */
export function ageOf(
  value: Timestamp | undefined,
  now: Date,
): number | undefined {
  const ms = timeOf(value);
  return ms === undefined ? undefined : now.getTime() - ms;
}

/** "45 seconds", "1 minute", "12 minutes", "3 hours", "2 days". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const plural = (n: number, unit: string) =>
    `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) {
    return plural(seconds, 'second');
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return plural(minutes, 'minute');
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return plural(hours, 'hour');
  }
  return plural(Math.floor(hours / 24), 'day');
}

/** "14:02 UTC" for times within a day of `now`, else "2025-11-22 14:02 UTC". */
export function formatClock(value: Timestamp, now: Date): string {
  const ms = timeOf(value);
  if (ms === undefined) {
    return value;
  }
  const iso = new Date(ms).toISOString();
  const clock = `${iso.slice(11, 16)} UTC`;
  return Math.abs(now.getTime() - ms) < 24 * 60 * 60 * 1000
    ? clock
    : `${iso.slice(0, 10)} ${clock}`;
}

/** The latest of the given timestamps. */
export function latestOf(
  values: Iterable<Timestamp | undefined>,
): Timestamp | undefined {
  let latest: Timestamp | undefined;
  let latestMs = -Infinity;
  for (const value of values) {
    const ms = timeOf(value);
    if (ms !== undefined && ms > latestMs) {
      latest = value;
      latestMs = ms;
    }
  }
  return latest;
}
