import { Logger } from './Logger';

/**
 * A de-duplicating queue of keys to reconcile, drained in batches on
 * `setImmediate` so the HTTP server stays responsive while controllers
 * catch up after a burst of changes.
 */
export class WorkQueue {
  private pending = new Set<string>();
  private scheduled: ReturnType<typeof setImmediate> | undefined;
  private stopped = false;

  constructor(
    private readonly options: {
      /** For logs; a function when the name is only known later. */
      name: string | (() => string);
      process: (key: string) => void;
      logger: Logger;
      batchSize?: number;
    },
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    this.schedule();
  }

  get idle(): boolean {
    return this.pending.size === 0;
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = setImmediate(() => {
      this.scheduled = undefined;
      this.drain();
    });
  }

  private drain(): void {
    const batch = this.options.batchSize ?? 500;
    let processed = 0;
    for (const key of this.pending) {
      if (processed++ >= batch || this.stopped) break;
      this.pending.delete(key);
      try {
        this.options.process(key);
      } catch (error) {
        const name =
          typeof this.options.name === 'function'
            ? this.options.name()
            : this.options.name;
        this.options.logger.error(`${name} failed to reconcile ${key}`, {
          error: String((error as Error)?.stack ?? error),
        });
      }
    }
    if (this.pending.size > 0) this.schedule();
  }
}
