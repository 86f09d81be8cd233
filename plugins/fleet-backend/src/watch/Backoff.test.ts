import { Backoff } from './Backoff';

describe('Backoff', () => {
  it('doubles from 1 s to 30 s and starts over after reset', () => {
    const backoff = new Backoff();
    const delays = Array.from({ length: 8 }, () => backoff.next());
    expect(delays).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    backoff.reset();
    expect(backoff.next()).toBe(1000);
  });
});
