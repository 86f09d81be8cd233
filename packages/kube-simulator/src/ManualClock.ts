import { Clock, TimerHandle } from './Clock';

interface Scheduled {
  id: number;
  at: number;
  callback: () => void;
}

/**
 * A clock that only moves when told to, for tests of schedules and delays.
 */
export class ManualClock implements Clock {
  private current: number;
  private nextId = 1;
  private scheduled: Scheduled[] = [];

  constructor(options: { start?: number } = {}) {
    this.current = options.start ?? Date.parse('2026-01-01T00:00:00Z');
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const entry = {
      id: this.nextId++,
      at: this.current + Math.max(0, ms),
      callback,
    };
    this.scheduled.push(entry);
    return { id: entry.id };
  }

  clearTimeout(handle: TimerHandle): void {
    const id = (handle as { id: number }).id;
    this.scheduled = this.scheduled.filter(s => s.id !== id);
  }

  /** Moves time forward, running due callbacks in time order. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.scheduled
        .filter(s => s.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.scheduled = this.scheduled.filter(s => s !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = target;
  }
}
