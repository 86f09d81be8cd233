import { InputError } from '@backstage/errors';
import {
  healthStatuses,
  type ServiceQuery,
} from '@carepath/plugin-fleet-common';
import { z } from 'zod';

/** Largest page `GET /services` serves. */
export const MAX_LIMIT = 5000;

const SORT_FIELDS = [
  'health',
  'name',
  'owner',
  'system',
  'lifecycle',
  'dataClassification',
  'restarts',
  'lastChange',
] as const;
const CLASSIFICATIONS = ['phi', 'pii', 'internal', 'public'] as const;

const many = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    v => (v === undefined || Array.isArray(v) ? v : [v]),
    z.array(item).optional(),
  );

const integer = (name: string, max?: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine(n => max === undefined || n <= max, {
      message: `${name} must be at most ${max}`,
    })
    .optional();

const schema = z
  .object({
    owner: many(z.string()),
    system: many(z.string()),
    lifecycle: many(z.string()),
    dataClassification: many(z.enum(CLASSIFICATIONS)),
    health: many(z.enum(healthStatuses as unknown as [string, ...string[]])),
    cluster: many(z.string()),
    q: z.string().optional(),
    sort: z.enum(SORT_FIELDS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    direction: z.enum(['asc', 'desc']).optional(),
    offset: integer('offset'),
    limit: integer('limit', MAX_LIMIT),
  })
  .strict();

/**
 * Parses the query of `GET /services`; throws `InputError` naming the field
 * and what it accepts.
 *
 * @public
 */
export function parseServiceQuery(query: unknown): ServiceQuery {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path[0] === undefined ? '' : String(issue.path[0]);
    if (issue.code === 'unrecognized_keys') {
      throw new InputError(
        `Unknown query parameter ${issue.keys.join(
          ', ',
        )}; allowed: ${Object.keys(schema.shape).join(', ')}`,
      );
    }
    if (issue.code === 'invalid_value') {
      const value = (query as Record<string, unknown>)[field];
      const received = Array.isArray(value)
        ? value[Number(issue.path[1] ?? 0)]
        : value;
      throw new InputError(
        `Invalid ${field} ${JSON.stringify(
          received,
        )}: allowed values are ${issue.values.join(', ')}`,
      );
    }
    throw new InputError(`Invalid ${field || 'query'}: ${issue.message}`);
  }
  const { order, direction, ...rest } = parsed.data;
  const result: ServiceQuery = {};
  for (const [key, value] of Object.entries({
    ...rest,
    direction: order ?? direction,
  })) {
    if (value !== undefined) {
      (result as Record<string, unknown>)[key] = value;
    }
  }
  return result;
}
