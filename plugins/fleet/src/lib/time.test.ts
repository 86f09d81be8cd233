import { formatAgo, formatClock, formatShortDuration } from './time';

const now = new Date(2026, 10, 24, 14, 5, 0);

describe('time formatting', () => {
  it('says how long ago in the largest whole unit', () => {
    expect(formatAgo(new Date(2026, 10, 24, 14, 2, 0), now)).toBe(
      '3 minutes ago',
    );
    expect(formatAgo(new Date(2026, 10, 24, 14, 4, 59), now)).toBe('just now');
    expect(formatAgo(new Date(2026, 10, 24, 13, 5, 0), now)).toBe('1 hour ago');
  });

  it('shows only the time for today and adds the date otherwise', () => {
    expect(formatClock(new Date(2026, 10, 24, 14, 2), now)).toBe('14:02');
    expect(formatClock(new Date(2026, 10, 23, 9, 7), now)).toBe('23 Nov 09:07');
  });

  it('has a compact form for tables', () => {
    expect(formatShortDuration(90_000)).toBe('1 min');
    expect(formatShortDuration(3 * 86_400_000)).toBe('3 d');
  });
});
