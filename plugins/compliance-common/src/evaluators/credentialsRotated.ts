import { z } from 'zod';
import type { Evaluator } from './Evaluator';
import { judgeDatabases } from './judgeDatabases';
import { judgeLastEvent } from './judgeLastEvent';
import { newest } from './timestamps';

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
      check: database =>
        judgeLastEvent({
          field: 'lastCredentialRotationAt',
          last: newest(
            database.lastCredentialRotationAt,
            input.audit?.credentialRotations[database.name],
          ),
          now: input.now,
          maxAgeDays,
          never: `Database ${database.name} credentials have never been rotated`,
          stale: ageDays =>
            `Database ${database.name} credentials were last rotated ${ageDays} days ago (allowed: ${maxAgeDays})`,
        }),
    }),
};
