/**
 * A source an evaluation could not read, and for how many services
 * (`GET /api/compliance/results`, `evaluation.unavailableSources`).
 *
 * @public
 */
export interface UnavailableSource {
  /** `fleet`, `scaffolder` or `fleet-unregistered` */
  source: string;
  reason: string;
  /** Services evaluated without it (0 for the platform-wide source). */
  services: number;
}

/**
 * A source an evaluation read only in part, e.g. fleet before every
 * cluster had synced: results that depend on it may be incomplete.
 *
 * @public
 */
export interface PartialSource {
  source: string;
  reason: string;
}
