import type { Observed } from '../Observed';
import type { Finding } from './Evaluator';
import { hoursBetween } from './timestamps';

/**
 * Judges how long ago something last happened to a database (a credential
 * rotation, a restore test) against the days allowed.
 */
export function judgeLastEvent(options: {
  /** Key under which `observed` reports the time, e.g. `lastRestoreTestAt`. */
  field: string;
  last: Date | undefined;
  now: Date;
  maxAgeDays: number;
  /** The finding when it never happened. */
  never: string;
  /** The finding when it happened too long ago. */
  stale: (ageDays: number) => string;
}): { observed: Observed; finding?: Finding } {
  const { field, last, now, maxAgeDays } = options;
  const observed = { [field]: last?.toISOString() ?? null, maxAgeDays };
  if (!last) {
    return { observed, finding: { message: options.never } };
  }
  const ageDays = Math.floor(hoursBetween(last, now) / 24);
  if (ageDays <= maxAgeDays) {
    return { observed: { ...observed, ageDays } };
  }
  return {
    observed: { ...observed, ageDays },
    finding: { message: options.stale(ageDays) },
  };
}
