import { createDatabaseProvisionAction } from '../actions/database/createDatabaseProvisionAction';
import { queryAs, readCredentials } from './databaseAssertions';
import type { PlatformTestEnvironment } from './PlatformTestEnvironment';

/** Provisions a database in `staging-eu` and, with `rows`, gives it a small patient table. */
export async function provisionDatabase(
  env: PlatformTestEnvironment,
  options: {
    name: string;
    namespace: string;
    dataClassification?: 'phi' | 'pii' | 'internal' | 'public';
    rows?: boolean;
  },
): Promise<{ entityRef: string; name: string; uri: string }> {
  const entityRef = `component:default/${options.name.replace(/_/g, '-')}`;
  const classification = options.dataClassification ?? 'internal';
  const run = await env.run(
    createDatabaseProvisionAction(env.actionOptions()),
    {
      entityRef,
      name: options.name,
      dataClassification: classification,
      ...(classification === 'phi' || classification === 'pii'
        ? { backupPolicy: { maxAgeHours: 24 } }
        : {}),
      cluster: 'staging-eu',
      namespace: options.namespace,
    },
  );
  if (run.error) throw run.error;
  const { uri } = readCredentials(env, {
    cluster: 'staging-eu',
    namespace: options.namespace,
    name: `${options.name.replace(/_/g, '-')}-db-credentials`,
  })!;
  if (options.rows) {
    await queryAs(
      uri,
      "CREATE TABLE patient (id int PRIMARY KEY, name text); INSERT INTO patient VALUES (1, 'Ada Lovelace'), (2, 'Mary Seacole')",
    );
  }
  return { entityRef, name: options.name, uri };
}
