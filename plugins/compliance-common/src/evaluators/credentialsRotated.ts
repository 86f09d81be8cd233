import { z } from 'zod';
import type { Evaluator } from './Evaluator';
import { judgeDatabases } from './judgeDatabases';
import { hoursBetween, newest } from './timestamps';

const params = z.strictObject({
  maxAgeDays: z.number().int().positive().default(90),
});

/**
 * Every database's credentials were rotated within `maxAgeDays` (default 90).
 * The newest of the platform record and the audit trail counts.
 *
 * @public
 */
export const credentialsRotated: Evaluator<z.infer<typeof params>> = {
  name: 'credentialsRotated',
  description:
    'Database credentials were rotated within the allowed number of days',
  scope: 'service',
  judgeableFromRepository: false,
  params,
  evaluate: ({ input, params: { maxAgeDays } }) =>
    judgeDatabases({
      input,
      check: database => {
        const last = newest(
          database.lastCredentialRotationAt,
          input.audit?.credentialRotations[database.name],
        );
        const observed = {
          lastCredentialRotationAt: last?.toISOString() ?? null,
          maxAgeDays,
        };
        if (!last) {
          return {
            observed,
            finding: {
              message: `Database ${database.name} credentials have never been rotated`,
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
            message: `Database ${database.name} credentials were last rotated ${ageDays} days ago (allowed: ${maxAgeDays})`,
          },
        };
      },
    }),
};
