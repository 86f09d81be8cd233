import { z } from 'zod';
import type { Evaluator } from './Evaluator';
import { judgeDatabases } from './judgeDatabases';
import { hoursBetween, newest } from './timestamps';

const params = z.strictObject({
  classifications: z
    .array(z.enum(['phi', 'pii', 'internal', 'public']))
    .default(['phi']),
});

/**
 * Each database of the given classifications (default PHI) has a backup
 * newer than its backup policy's `maxAgeHours`.
 *
 * @public
 */
export const databaseBackupFresh: Evaluator<z.infer<typeof params>> = {
  name: 'databaseBackupFresh',
  description: 'Databases have a backup newer than their policy allows',
  scope: 'service',
  judgeableFromRepository: false,
  params,
  evaluate: ({ input, params: { classifications } }) =>
    judgeDatabases({
      input,
      classifications,
      check: database => {
        const lastBackup = newest(database.lastBackupAt);
        const observed = {
          lastBackupAt: lastBackup?.toISOString() ?? null,
          maxAgeHours: database.backupPolicy?.maxAgeHours ?? null,
        };
        if (!database.backupPolicy) {
          return {
            observed,
            finding: {
              message: `Database ${database.name} has no backup policy`,
              remediation: `Attach a backup policy to database ${database.name}`,
            },
          };
        }
        if (!lastBackup) {
          return {
            observed,
            finding: {
              message: `Database ${database.name} has never been backed up`,
            },
          };
        }
        const age = hoursBetween(lastBackup, input.now);
        if (age <= database.backupPolicy.maxAgeHours) {
          return { observed: { ...observed, ageHours: age } };
        }
        return {
          observed: { ...observed, ageHours: age },
          finding: {
            message: `Database ${database.name} last backup is ${age}h old (policy: ${database.backupPolicy.maxAgeHours}h)`,
          },
        };
      },
    }),
};
