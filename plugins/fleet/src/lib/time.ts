const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function toDate(value: string | Date): Date | undefined {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "12 seconds", "3 minutes", "2 hours", "4 days": the largest whole unit. */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE) return count(Math.floor(abs / SECOND), 'second');
  if (abs < HOUR) return count(Math.floor(abs / MINUTE), 'minute');
  if (abs < DAY) return count(Math.floor(abs / HOUR), 'hour');
  return count(Math.floor(abs / DAY), 'day');
}

/** Compact form for dense tables: "12 s", "3 min", "2 h", "4 d". */
export function formatShortDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`;
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) return `${Math.floor(abs / HOUR)} h`;
  return `${Math.floor(abs / DAY)} d`;
}

/** Milliseconds from `since` to `now`, or undefined for a missing or bad time. */
export function ageMs(
  since: string | Date | undefined,
  now: Date,
): number | undefined {
  const date = since ? toDate(since) : undefined;
  return date ? now.getTime() - date.getTime() : undefined;
}

/** "3 minutes ago"; "just now" under five seconds. */
export function formatAgo(since: string | Date, now: Date): string {
  const age = ageMs(since, now);
  if (age === undefined) return 'unknown';
  if (age < 5 * SECOND) return 'just now';
  return `${formatDuration(age)} ago`;
}

/** Local wall-clock time: "14:02" today, "23 Nov 14:02" on another day. */
export function formatClock(value: string | Date, now: Date): string {
  const date = toDate(value);
  if (!date) return 'unknown time';
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (date.toDateString() === now.toDateString()) return time;
  const month = date.toLocaleString('en-GB', { month: 'short' });
  return `${date.getDate()} ${month} ${time}`;
}

/** Full local date and time, for tooltips next to relative times. */
export function formatTimestamp(value: string | Date): string {
  const date = toDate(value);
  return date ? date.toLocaleString('en-GB') : 'unknown time';
}
