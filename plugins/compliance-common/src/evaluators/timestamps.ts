/** The newest of some ISO 8601 timestamps, ignoring absent and unparseable ones. */
export function newest(
  ...timestamps: Array<string | undefined>
): Date | undefined {
  const times = timestamps
    .filter((t): t is string => typeof t === 'string')
    .map(t => new Date(t))
    .filter(d => !Number.isNaN(d.getTime()));
  return times.length === 0
    ? undefined
    : new Date(Math.max(...times.map(d => d.getTime())));
}

/** Hours from `then` to `now`, rounded down to a tenth. */
export function hoursBetween(then: Date, now: Date): number {
  return Math.floor((now.getTime() - then.getTime()) / 360_000) / 10;
}
