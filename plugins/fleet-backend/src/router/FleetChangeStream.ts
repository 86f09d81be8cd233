import type { LoggerService } from '@backstage/backend-plugin-api';
import type { FleetChangeEvent } from '@carepath/plugin-fleet-common';
import type {
  SignalPayload,
  SignalsService,
} from '@backstage/plugin-signals-node';
import type { Response } from 'express';

/** Signals channel of fleet change events. */
export const FLEET_SIGNAL_CHANNEL = 'carepath-fleet';

/** Options of {@link FleetChangeStream}. */
export interface FleetChangeStreamOptions {
  logger: LoggerService;
  signals?: SignalsService;
  /** Events are coalesced and sent at most once per interval. */
  intervalMs?: number;
  /** Above this many service updates in one interval, only a summary is sent. */
  maxServiceUpdates?: number;
}

/**
 * Coalesces fleet change events (latest per service and per cluster, one
 * summary) and sends them at most a few times a second, through Backstage
 * signals (broadcast on `carepath-fleet`) and to `GET /events` SSE clients.
 * When very many services change at once (a cluster going down), only the
 * `summary.updated` event is sent and clients refetch.
 *
 * @public
 */
export class FleetChangeStream {
  private readonly options: FleetChangeStreamOptions;
  private readonly pending = new Map<string, FleetChangeEvent>();
  private readonly clients = new Set<Response>();
  private timer?: NodeJS.Timeout;
  private keepAlive?: NodeJS.Timeout;

  constructor(options: FleetChangeStreamOptions) {
    this.options = options;
  }

  /** Queues an event. */
  push(event: FleetChangeEvent): void {
    const key = FleetChangeStream.keyOf(event);
    const previous = this.pending.get(key);
    if (
      previous?.type === 'service.updated' &&
      event.type === 'service.updated'
    ) {
      event.previousStatus = previous.previousStatus;
    }
    this.pending.delete(key);
    this.pending.set(key, event);
    this.timer ??= setTimeout(
      () => this.send(),
      this.options.intervalMs ?? 250,
    );
  }

  private static keyOf(event: FleetChangeEvent): string {
    switch (event.type) {
      case 'service.updated':
        return `service:${event.service.entityRef}`;
      case 'service.removed':
        return `service:${event.entityRef}`;
      case 'cluster.updated':
        return `cluster:${event.cluster.name}`;
      default:
        return 'summary';
    }
  }

  /** Adds an SSE client; it is dropped when its connection closes. */
  addClient(res: Response): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    this.clients.add(res);
    res.on('close', () => {
      this.clients.delete(res);
      if (this.clients.size === 0) {
        clearInterval(this.keepAlive);
        this.keepAlive = undefined;
      }
    });
    this.keepAlive ??= setInterval(() => {
      for (const client of this.clients) client.write(': keep-alive\n\n');
    }, 15_000);
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.keepAlive);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private send(): void {
    this.timer = undefined;
    let events = [...this.pending.values()];
    this.pending.clear();
    const updates = events.filter(e => e.type.startsWith('service.')).length;
    if (updates > (this.options.maxServiceUpdates ?? 50)) {
      events = events.filter(e => !e.type.startsWith('service.'));
    }
    for (const event of events) {
      for (const client of this.clients) {
        client.write(
          `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`,
        );
      }
      this.options.signals
        ?.publish({
          recipients: { type: 'broadcast' },
          channel: FLEET_SIGNAL_CHANNEL,
          message: event as unknown as SignalPayload['message'],
        })
        .catch(error =>
          this.options.logger.warn(
            `Could not publish fleet ${event.type} signal: ${String(error)}`,
          ),
        );
    }
  }
}
