/**
 * Reconnect delays that double from `initialMs` up to `maxMs`, as
 * client-go and client-node do, and start over after a success.
 *
 * @public
 */
export class Backoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private nextMs: number;

  constructor(options: { initialMs?: number; maxMs?: number } = {}) {
    this.initialMs = options.initialMs ?? 1000;
    this.maxMs = options.maxMs ?? 30_000;
    this.nextMs = this.initialMs;
  }

  /** The delay before the next attempt; each call doubles the one after. */
  next(): number {
    const current = this.nextMs;
    this.nextMs = Math.min(this.maxMs, this.nextMs * 2);
    return current;
  }

  reset(): void {
    this.nextMs = this.initialMs;
  }
}
