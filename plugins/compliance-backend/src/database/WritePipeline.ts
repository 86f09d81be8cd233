/**
 * Writes issued one after another on one connection, each started without
 * waiting for the caller to prepare the next: the database works on one
 * while this process builds the following one. At most one is in flight.
 */
export class WritePipeline {
  #inFlight: Promise<unknown> | undefined;

  /** Waits for the write in flight, then starts this one. */
  async add(write: () => Promise<unknown>): Promise<void> {
    await this.#inFlight;
    // A knex query builder runs each time it is awaited: settle it once.
    const started = Promise.resolve(write());
    // Awaited by the next add or by finish; this only keeps a failure from
    // counting as unhandled while the next write is prepared.
    started.catch(() => {});
    this.#inFlight = started;
  }

  /** Waits for the last write; throws its error. */
  async finish(): Promise<void> {
    await this.#inFlight;
  }
}
