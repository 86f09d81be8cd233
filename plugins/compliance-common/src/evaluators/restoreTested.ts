import { z } from 'zod';
import type { Evaluator } from './Evaluator';
import { judgeDatabases } from './judgeDatabases';
import { hoursBetween, newest } from './timestamps';

const params = z.strictObject({
  maxAgeDays: z.number().int().positive().default(90),
  classifications: z
    .array(z.enum(['phi', 'pii', 'internal', 'public']))
    .default(['phi']),
});

/**
 * A restore of each database of the given classifications (default PHI) was
 * tested within `maxAgeDays`. The newest of the platform record and the audit
 * trail counts.
 *
 * @public
 */
export const restoreTested: Evaluator<z.infer<typeof params>> = {
  name: 'restoreTested',
  description: 'A restore has been tested within the allowed number of days',
  scope: 'service',
  judgeableFromRepository: false,
  params,
  evaluate: ({ input, params: { maxAgeDays, classifications } }) =>
    judgeDatabases({
      input,
      classifications,
      check: database => {
        const last = newest(
          database.lastRestoreTestAt,
          input.audit?.restoreTests[database.name],
        );
        const observed = {
          lastRestoreTestAt: last?.toISOString() ?? null,
          maxAgeDays,
        };
        if (!last) {
          return {
            observed,
            finding: {
              message: `Database ${database.name} has no recorded restore test`,
            },
          };
        }
        const ageDays = Math.floor(hoursBetween(last, input.now) / 24);
        if (ageDays <= maxAgeDays) {
          return { observed: { ...observed, ageDays } };
        }
        return {
          observed: { ...observed, ageDays },
          finding: {
            message: `Database ${database.name} restore was last tested ${ageDays} days ago (allowed: ${maxAgeDays})`,
          },
        };
      },
    }),
};
