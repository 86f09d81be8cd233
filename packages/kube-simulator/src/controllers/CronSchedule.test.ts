import { CronSchedule } from './CronSchedule';

const at = (iso: string) => Date.parse(iso);

describe('CronSchedule', () => {
  it('supports */N minutes', () => {
    expect(
      CronSchedule.parse('*/5 * * * *').nextAfter(at('2026-01-01T10:02:30Z')),
    ).toBe(at('2026-01-01T10:05:00Z'));
    expect(
      CronSchedule.parse('*/5 * * * *').nextAfter(at('2026-01-01T10:05:00Z')),
    ).toBe(at('2026-01-01T10:10:00Z'));
  });

  it('supports fixed minute and hour, lists and ranges', () => {
    expect(
      CronSchedule.parse('30 2 * * *').nextAfter(at('2026-01-01T10:00:00Z')),
    ).toBe(at('2026-01-02T02:30:00Z'));
    expect(
      CronSchedule.parse('0 9-17/4 * * 1-5').nextAfter(
        at('2026-01-03T00:00:00Z'),
      ),
    ).toBe(at('2026-01-05T09:00:00Z'));
    expect(
      CronSchedule.parse('15,45 * * * *').nextAfter(at('2026-01-01T10:20:00Z')),
    ).toBe(at('2026-01-01T10:45:00Z'));
    expect(
      CronSchedule.parse('@hourly').nextAfter(at('2026-01-01T10:20:00Z')),
    ).toBe(at('2026-01-01T11:00:00Z'));
  });

  it('rejects malformed schedules', () => {
    expect(() => CronSchedule.parse('* * *')).toThrow(
      'expected exactly 5 fields',
    );
    expect(() => CronSchedule.parse('61 * * * *')).toThrow(
      'invalid cron field',
    );
  });
});
