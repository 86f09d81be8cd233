/**
 * One point of a compliance score history (per service, or fleet-wide when
 * `entityRef` is absent), typically one per day.
 *
 * @public
 */
export interface HistoryPoint {
  entityRef?: string;
  /** ISO 8601 */
  at: string;
  score: number | null;
  passed: number;
  failed: number;
  exempt: number;
}
