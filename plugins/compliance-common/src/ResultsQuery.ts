import { z } from 'zod';
import type { ControlStatus } from './ControlResult';
import type { DataClassification } from './Control';

/**
 * Filters of `GET /results`. Every filter takes one or more values (repeat
 * the query parameter); values within a filter are OR-ed, filters are AND-ed.
 *
 * @public
 */
export interface ResultsQuery {
  /** Owner entity refs, e.g. `group:default/care-coordination`. */
  owner?: string[];
  /** System entity refs. */
  system?: string[];
  /** Control ids, e.g. `CP-INT-03`. */
  control?: string[];
  status?: ControlStatus[];
  dataClassification?: DataClassification[];
  limit?: number;
  offset?: number;
}

const oneOrMany = <T extends z.ZodType<string>>(item: T) =>
  z
    .union([item, z.array(item)])
    .transform(v => (Array.isArray(v) ? v : [v]))
    .optional();

/**
 * Parses `GET /results` query parameters (as an Express `req.query`) into a
 * `ResultsQuery`.
 *
 * @public
 */
export const resultsQuerySchema: z.ZodType<ResultsQuery> = z.strictObject({
  owner: oneOrMany(z.string().min(1)),
  system: oneOrMany(z.string().min(1)),
  control: oneOrMany(z.string().min(1)),
  status: oneOrMany(z.enum(['pass', 'fail', 'exempt', 'not-applicable'])),
  dataClassification: oneOrMany(z.enum(['phi', 'pii', 'internal', 'public'])),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
