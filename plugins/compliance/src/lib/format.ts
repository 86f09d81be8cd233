/** `0.8123` → `81%`; `null` (nothing judged) → `n/a`. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return 'n/a';
  return `${Math.round(score * 100)}%`;
}

/** A timestamp as people read it, in UTC so every reviewer sees the same. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The day of a timestamp, `2027-03-01`. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}
