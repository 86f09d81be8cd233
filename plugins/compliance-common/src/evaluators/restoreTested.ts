import { z } from 'zod';
import type { Evaluator } from './Evaluator';
import { judgeDatabases } from './judgeDatabases';
import { judgeLastEvent } from './judgeLastEvent';
import { newest } from './timestamps';

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
      check: database =>
        judgeLastEvent({
          field: 'lastRestoreTestAt',
          last: newest(
            database.lastRestoreTestAt,
            input.audit?.restoreTests[database.name],
          ),
          now: input.now,
          maxAgeDays,
          never: `Database ${database.name} has no recorded restore test`,
          stale: ageDays =>
            `Database ${database.name} restore was last tested ${ageDays} days ago (allowed: ${maxAgeDays})`,
        }),
    }),
};
