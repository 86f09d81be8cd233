const ranges: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

const macros: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function parseField(text: string, [min, max]: [number, number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [rangeText, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo: number;
    let hi: number;
    if (rangeText === '*' || rangeText === '?') {
      lo = min;
      hi = max;
    } else if (rangeText.includes('-')) {
      [lo, hi] = rangeText.split('-').map(Number);
    } else {
      lo = Number(rangeText);
      hi = stepText === undefined ? lo : max;
    }
    if (
      ![lo, hi, step].every(Number.isInteger) ||
      step < 1 ||
      lo < min ||
      hi > max ||
      lo > hi
    ) {
      throw new Error(`invalid cron field "${text}"`);
    }
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return values;
}

/**
 * A five-field cron schedule (minute hour day-of-month month day-of-week)
 * with `*`, `*\/N`, ranges, lists and the `@hourly`-style macros, in UTC.
 */
export class CronSchedule {
  private constructor(
    private readonly fields: Array<Set<number>>,
    private readonly domStar: boolean,
    private readonly dowStar: boolean,
  ) {}

  static parse(text: string): CronSchedule {
    const expanded =
      macros[text.trim()] ?? text.trim().replace(/^(CRON_)?TZ=\S+\s+/, '');
    const parts = expanded.split(/\s+/);
    if (parts.length !== 5)
      throw new Error(
        `expected exactly 5 fields, found ${parts.length}: "${text}"`,
      );
    return new CronSchedule(
      parts.map((p, i) => parseField(p, ranges[i])),
      parts[2] === '*',
      parts[4] === '*',
    );
  }

  private matches(date: Date): boolean {
    const [minute, hour, dom, month, dow] = this.fields;
    if (
      !minute.has(date.getUTCMinutes()) ||
      !hour.has(date.getUTCHours()) ||
      !month.has(date.getUTCMonth() + 1)
    )
      return false;
    const domOk = dom.has(date.getUTCDate());
    const dowOk = dow.has(date.getUTCDay());
    if (this.domStar || this.dowStar) return domOk && dowOk;
    return domOk || dowOk;
  }

  /** The first scheduled time strictly after `ms`, or undefined within 4 years. */
  nextAfter(ms: number): number | undefined {
    let t = Math.floor(ms / 60000) * 60000 + 60000;
    const limit = t + 4 * 366 * 24 * 3600_000;
    while (t <= limit) {
      const d = new Date(t);
      if (!this.fields[3].has(d.getUTCMonth() + 1)) {
        t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
        continue;
      }
      if (
        !this.fields[1].has(d.getUTCHours()) &&
        this.domStar &&
        this.dowStar
      ) {
        t = Date.UTC(
          d.getUTCFullYear(),
          d.getUTCMonth(),
          d.getUTCDate(),
          d.getUTCHours() + 1,
        );
        continue;
      }
      if (this.matches(d)) return t;
      t += 60000;
    }
    return undefined;
  }
}
