import type { JsonObject } from '@backstage/config';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  databaseOperationsAnswers,
  databaseOperationsRefused,
  decommissionAnswers,
  demoService,
  demoServiceEntity,
} from './__fixtures__/answers';
import {
  readTemplates,
  TemplateUnderTest,
} from './__testUtils__/templateFiles';
import {
  taskOutcome,
  taskSteps,
  TemplateTestBackend,
} from './__testUtils__/TemplateTestBackend';

jest.setTimeout(180_000);

const { namespace, database } = demoService;
const secretName = `${demoService.name}-db-credentials`;
const deploymentRef = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace,
  name: demoService.name,
};

describe('day-2 templates against a demo service', () => {
  let backend: TemplateTestBackend;
  let templates: Map<string, TemplateUnderTest>;

  /** Runs a day-2 template for real. */
  const run = (template: string, values: JsonObject) =>
    backend.runTask(`template:default/${template}`, values);

  /** The credentials Secret in staging, decoded. */
  const secret = () =>
    backend.credentials({ cluster: 'staging', namespace, name: secretName });

  /** Runs SQL as the service, with the credentials from its Secret. */
  const asService = <T>(credentials: Record<string, string>, sql: string) =>
    backend.queryAs<T>(credentials, sql);

  /** The platform records of the demo service, plus what a dry run must not touch. */
  async function everything(): Promise<JsonObject> {
    const [state, records, lifecycle] = await Promise.all([
      backend.state(),
      backend.request(
        `/api/scaffolder/carepath/platform-records?entityRef=${demoService.entityRef}`,
      ),
      backend.request(
        `/api/scaffolder/carepath/lifecycle?entityRef=${demoService.entityRef}`,
      ),
    ]);
    const deployment = backend.sim.cluster('staging').get(deploymentRef) as
      | { spec: JsonObject }
      | undefined;
    return {
      state,
      records: records.body,
      lifecycle: lifecycle.body,
      secret: secret() ?? null,
      deployment: deployment?.spec ?? null,
      backups: await readdir(backend.backupDirectory, { recursive: true }),
    };
  }

  /** A dry run of the same answers changes nothing. */
  async function dryRunChangesNothing(template: string, values: JsonObject) {
    const before = await everything();
    const result = await backend.dryRun(templates.get(template)!, values);
    expect({ status: result.status, error: result.body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    expect(await everything()).toEqual(before);
  }

  beforeAll(async () => {
    backend = await TemplateTestBackend.start({
      registerTemplates: true,
      entities: [demoServiceEntity],
    });
    templates = new Map((await readTemplates()).map(t => [t.name, t]));
    backend.namespace(namespace);
    const labels = {
      app: demoService.name,
      'backstage.io/kubernetes-id': demoService.name,
    };
    backend.sim.cluster('staging').apply({
      ...deploymentRef,
      metadata: { name: demoService.name, namespace, labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: demoService.name } },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              { name: 'api', image: 'registry.carepath.example/intake:1.4.2' },
            ],
          },
        },
      },
    });
    await Promise.all([
      backend.waitForEntity('template:default/database-operations'),
      backend.waitForEntity('template:default/service-decommission'),
      backend.waitForEntity(demoService.entityRef),
    ]);
  });
  afterAll(() => backend?.stop());

  describe('database-operations', () => {
    let backupId: string;

    it.each(databaseOperationsRefused)(
      'refuses $id with 400 naming the field',
      async answers => {
        const created = await backend.createTask(
          'template:default/database-operations',
          answers.values,
        );
        expect(created.status).toBe(400);
        expect(
          (
            created.body.errors as Array<{ property: string; message: string }>
          ).map(e => `${e.property} ${e.message}`),
        ).toContainEqual(
          expect.stringMatching(
            new RegExp(
              `^instance(\\.${answers.field} | requires property "${answers.field}")`,
            ),
          ),
        );
      },
    );

    it('provision creates the database, its role and its Secret', async () => {
      await dryRunChangesNothing(
        'database-operations',
        databaseOperationsAnswers.provision.values,
      );
      const task = await run(
        'database-operations',
        databaseOperationsAnswers.provision.values,
      );
      expect(taskOutcome(task)).toEqual({ status: 'completed', errors: [] });
      expect(taskSteps(task).completed).toEqual([
        'entity',
        'checks',
        'provision',
      ]);
      expect(await backend.databases()).toContain(database);
      const credentials = secret()!;
      expect(credentials.database).toBe(database);
      await asService(
        credentials,
        'CREATE TABLE intake (id int PRIMARY KEY, note text); INSERT INTO intake VALUES (1, $$first$$)',
      );
      const records = await backend.request(
        `/api/scaffolder/carepath/platform-records?entityRef=${demoService.entityRef}`,
      );
      expect(records.body.databases).toEqual([
        expect.objectContaining({
          name: database,
          classification: 'phi',
          backupPolicy: { maxAgeHours: 24 },
        }),
      ]);
    });

    it('rotate-credentials sets a new password, updates the Secret and restarts the service', async () => {
      const old = secret()!;
      await dryRunChangesNothing(
        'database-operations',
        databaseOperationsAnswers.rotate.values,
      );
      const task = await run(
        'database-operations',
        databaseOperationsAnswers.rotate.values,
      );
      expect(taskOutcome(task)).toEqual({ status: 'completed', errors: [] });
      expect(taskSteps(task).completed).toEqual(['entity', 'checks', 'rotate']);
      const rotated = secret()!;
      expect(rotated.password).not.toBe(old.password);
      await expect(asService(old, 'SELECT 1')).rejects.toThrow(
        /password authentication failed/,
      );
      expect(
        await asService(rotated, 'SELECT count(*)::int AS n FROM intake'),
      ).toEqual([{ n: 1 }]);
      const deployment = backend.sim
        .cluster('staging')
        .get(deploymentRef) as any;
      expect(
        deployment.spec.template.metadata.annotations[
          'carepath.io/restartedAt'
        ],
      ).toBeDefined();
    });

    it('backup stores an encrypted backup', async () => {
      await dryRunChangesNothing(
        'database-operations',
        databaseOperationsAnswers.backup.values,
      );
      const task = await run(
        'database-operations',
        databaseOperationsAnswers.backup.values,
      );
      expect(taskOutcome(task)).toEqual({ status: 'completed', errors: [] });
      expect(taskSteps(task).completed).toEqual(['entity', 'checks', 'backup']);
      const text = JSON.stringify(task.output.text);
      backupId = /Backup id \| `([^`]+)`/.exec(text)![1];
      const files = await readdir(path.join(backend.backupDirectory, database));
      expect(files).toEqual([`${backupId}.dump.enc`]);
    });

    it('restore into a new database tests the backup and leaves the service alone', async () => {
      const values = {
        ...databaseOperationsAnswers.restoreTest.values,
        backupId,
      };
      await dryRunChangesNothing('database-operations', values);
      const task = await run('database-operations', values);
      expect(taskOutcome(task)).toEqual({ status: 'completed', errors: [] });
      expect(taskSteps(task).completed).toEqual([
        'entity',
        'checks',
        'restore',
      ]);
      expect(JSON.stringify(task.output.text)).toMatch(/Restore test \| true/);
      // The test copy is dropped: it would be PHI outside every record.
      expect(await backend.databases()).not.toContain(
        'patient_intake_restore_test',
      );
      const records = await backend.request(
        `/api/scaffolder/carepath/platform-records?entityRef=${demoService.entityRef}`,
      );
      expect(records.body.databases[0].lastRestoreTestAt).toEqual(
        expect.any(String),
      );
    });

    it('refuses an in-place restore whose confirmation is not the database name, before the restore step', async () => {
      await asService(secret()!, 'INSERT INTO intake VALUES (2, $$second$$)');
      const before = await everything();
      const task = await run('database-operations', {
        ...databaseOperationsAnswers.restoreInPlace.values,
        backupId,
        confirm: 'patient-intake',
      });
      expect(task.status).toBe('failed');
      expect(taskSteps(task)).toMatchObject({
        completed: ['entity'],
        failed: ['checks'],
      });
      expect(task.log.map(l => l.message).join('\n')).toMatch(
        /in_place_restore_needs_confirm_equal_to_the_database_name/,
      );
      expect(task.log.some(l => /Restore the backup/.test(l.message))).toBe(
        false,
      );
      expect(await everything()).toEqual(before);
    });

    it('restores in place with the confirmation', async () => {
      const task = await run('database-operations', {
        ...databaseOperationsAnswers.restoreInPlace.values,
        backupId,
      });
      expect(taskOutcome(task)).toEqual({ status: 'completed', errors: [] });
      expect(taskSteps(task).completed).toEqual([
        'entity',
        'checks',
        'restore',
      ]);
      expect(
        await asService(secret()!, 'SELECT id, note FROM intake ORDER BY id'),
      ).toEqual([{ id: 1, note: 'first' }]);
    });
  });

  describe('service-decommission', () => {
    it('refuses a phi database without the matching confirmation, before any platform step', async () => {
      const before = await everything();
      const task = await run('service-decommission', {
        ...decommissionAnswers.A.values,
        confirm: 'yes',
      });
      expect(task.status).toBe('failed');
      expect(taskSteps(task)).toMatchObject({
        completed: ['entity'],
        failed: ['checks'],
      });
      expect(task.log.map(l => l.message).join('\n')).toMatch(
        /phi_and_pii_databases_need_confirm_equal_to_the_database_name/,
      );
      expect(await everything()).toEqual(before);
    });

    it('deprecates, scales to zero, backs up, decommissions the database and marks the service decommissioned', async () => {
      await dryRunChangesNothing(
        'service-decommission',
        decommissionAnswers.A.values,
      );
      const backupsBefore = await readdir(
        path.join(backend.backupDirectory, database),
      );
      const task = await run(
        'service-decommission',
        decommissionAnswers.A.values,
      );
      expect(taskOutcome(task)).toEqual({ status: 'completed', errors: [] });
      expect(taskSteps(task).completed).toEqual([
        'entity',
        'checks',
        'deprecate',
        'scale',
        'backup',
        'database',
        'decommissioned',
      ]);
      const lifecycle = await backend.request(
        `/api/scaffolder/carepath/lifecycle?entityRef=${demoService.entityRef}`,
      );
      expect(lifecycle.body.lifecycle).toBe('decommissioned');
      expect(
        lifecycle.body.changes.map((c: { from: string; to: string }) => [
          c.from,
          c.to,
        ]),
      ).toEqual([
        ['experimental', 'deprecated'],
        ['deprecated', 'decommissioned'],
      ]);
      const deployment = backend.sim
        .cluster('staging')
        .get(deploymentRef) as any;
      expect(deployment.spec.replicas).toBe(0);
      expect(await backend.databases()).not.toContain(database);
      expect(secret()).toBeUndefined();
      // A final backup and the decommission backup, kept for the retention period.
      const backups = await readdir(
        path.join(backend.backupDirectory, database),
      );
      expect(backups.length).toBe(backupsBefore.length + 2);
    });
  });
});
