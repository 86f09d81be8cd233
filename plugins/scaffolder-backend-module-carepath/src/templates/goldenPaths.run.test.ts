import type { JsonObject } from '@backstage/config';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import {
  demoService,
  demoServiceEntity,
  fhirServiceAnswers,
  fhirServiceRefused,
  workerAnswers,
} from './__fixtures__/answers';
import {
  taskOutcome,
  taskSteps,
  TemplateTestBackend,
} from './__testUtils__/TemplateTestBackend';

jest.setTimeout(180_000);

const exec = promisify(execFile);
const name = 'patient-records-api';
const namespace = 'clinical-records';

describe('golden paths through a real run on the embedded default', () => {
  let backend: TemplateTestBackend;

  beforeAll(async () => {
    backend = await TemplateTestBackend.start({
      registerTemplates: true,
      entities: [demoServiceEntity],
      fleet: true,
    });
    backend.namespace(namespace);
    await backend.waitForEntity('template:default/fhir-service');
    await backend.waitForEntity('template:default/hl7-integration-worker');
    await backend.waitForEntity(demoService.entityRef);
  });
  afterAll(() => backend?.stop());

  it.each([
    ...fhirServiceRefused,
    {
      id: 'phi without a backup policy (explicitly empty)',
      field: 'backupMaxAgeHours',
      values: { ...fhirServiceAnswers.A.values, backupMaxAgeHours: null },
    },
  ])(
    'fhir-service refuses $id with 400 naming the field, before any step',
    async answers => {
      const before = await backend.state();
      const created = await backend.createTask(
        'template:default/fhir-service',
        answers.values as JsonObject,
      );
      expect(created.status).toBe(400);
      const messages = (
        created.body.errors as Array<{ property: string; message: string }>
      ).map(e => `${e.property} ${e.message}`);
      // Every refusal names the field: `instance.name does not match
      // pattern …` or `instance requires property "hostname"`.
      expect(messages).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^instance(\\.${answers.field} | requires property "${answers.field}")`,
          ),
        ),
      );
      expect(await backend.state()).toEqual(before);
    },
  );

  it('fhir-service refuses a name already in the catalog before any step with a side effect', async () => {
    const before = await backend.state();
    const task = await backend.runTask('template:default/fhir-service', {
      ...fhirServiceAnswers.A.values,
      name: demoService.name,
    });
    expect(task.status).toBe('failed');
    const steps = taskSteps(task);
    expect(steps.completed).toEqual(['existing']);
    expect(steps.failed).toEqual(['fetch']);
    expect(task.log.map(l => l.message).join('\n')).toMatch(
      /a_component_with_this_name_already_exists_in_the_catalog/,
    );
    const began = task.log
      .map(l => /^Beginning step (.*)$/.exec(l.message)?.[1])
      .filter(Boolean);
    expect(began).toEqual([
      'Check the name is free in the catalog',
      'Render the service',
    ]);
    expect(await backend.state()).toEqual(before);
  });

  it('fhir-service, phi, exposed, with a database: repository, database and Secret, running Deployment, catalog entity and its health', async () => {
    const task = await backend.runTask(
      'template:default/fhir-service',
      fhirServiceAnswers.A.values,
    );
    expect(taskOutcome(task)).toEqual({ status: 'completed', errors: [] });
    expect(taskSteps(task)).toEqual({
      completed: [
        'existing',
        'fetch',
        'compliance',
        'publish-local',
        'database',
        'deploy',
        'register',
      ],
      failed: [],
      skipped: ['publish-github'],
    });

    // The repository, with the rendered catalog-info.yaml on main.
    expect(await backend.repositories()).toEqual([`${name}.git`]);
    const { stdout } = await exec('git', [
      `--git-dir=${backend.reposDirectory}/${name}.git`,
      'show',
      'main:catalog-info.yaml',
    ]);
    expect(
      parse(stdout).metadata.annotations['carepath.io/data-classification'],
    ).toBe('phi');

    // The database, reachable with the credentials in its Secret only.
    expect(await backend.databases()).toContain('patient_records_api');
    const credentials = backend.credentials({
      cluster: 'staging',
      namespace,
      name: `${name}-db-credentials`,
    })!;
    expect(Object.keys(credentials).sort()).toEqual([
      'database',
      'host',
      'password',
      'port',
      'uri',
      'username',
    ]);
    expect(
      await backend.queryAs(
        credentials,
        'SELECT current_user AS "user", current_database() AS database',
      ),
    ).toEqual([
      { user: 'patient_records_api', database: 'patient_records_api' },
    ]);
    // The password is in the Secret only, never in the task's log or output.
    expect(JSON.stringify([task.log, task.output])).not.toContain(
      credentials.password,
    );
    const records = await backend.request(
      `/api/scaffolder/carepath/platform-records?entityRef=component:default/${name}`,
    );
    expect(records.body.databases).toEqual([
      expect.objectContaining({
        name: 'patient_records_api',
        classification: 'phi',
        backupPolicy: { maxAgeHours: 24 },
        deletionProtection: true,
      }),
    ]);

    // The Deployment runs in the first environment's cluster, and nowhere else.
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace,
      name,
    };
    const deadline = Date.now() + 30_000;
    let ready = 0;
    while (Date.now() < deadline) {
      const object = backend.sim.cluster('staging').get(deployment) as
        | { status?: { readyReplicas?: number } }
        | undefined;
      ready = object?.status?.readyReplicas ?? 0;
      if (ready >= 2) break;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    expect(ready).toBe(2);
    expect(backend.sim.cluster('prod-east').get(deployment)).toBeUndefined();
    expect(
      backend.objects('staging', 'networking.k8s.io/v1', 'Ingress', namespace),
    ).toEqual([name]);

    // The component is in the catalog, with its classification and template version.
    const entity = await backend.waitForEntity(`component:default/${name}`);
    expect(entity.metadata.annotations).toMatchObject({
      'carepath.io/data-classification': 'phi',
      'carepath.io/audit-logging': 'enabled',
      'carepath.io/template': 'fhir-service',
      'backstage.io/kubernetes-id': name,
    });
    // Its Kubernetes health shows (the fleet backend behind the health tab).
    let health: any;
    const healthDeadline = Date.now() + 30_000;
    while (
      Date.now() < healthDeadline &&
      health?.health?.status !== 'Healthy'
    ) {
      health = (
        await backend.request(`/api/fleet/services/component/default/${name}`)
      ).body;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    expect(health).toMatchObject({
      entityRef: `component:default/${name}`,
      dataClassification: 'phi',
      health: { status: 'Healthy' },
      ready: 2,
      desired: 2,
    });

    expect(task.output.links).toEqual([
      {
        title: 'Repository',
        url: `file://${backend.reposDirectory}/${name}.git`,
      },
      {
        title: 'Open in catalog',
        icon: 'catalog',
        entityRef: `component:default/${name}`,
      },
      {
        title: 'Kubernetes health',
        icon: 'kind:component',
        url: `/catalog/default/component/${name}/kubernetes-health`,
      },
    ]);
  });

  it('hl7-integration-worker: repository, running Deployment and catalog entity, no database', async () => {
    const worker = workerAnswers.B.values as JsonObject & { name: string };
    const databases = await backend.databases();
    const task = await backend.runTask(
      'template:default/hl7-integration-worker',
      worker,
    );
    expect(taskOutcome(task)).toEqual({ status: 'completed', errors: [] });
    expect(taskSteps(task).completed).toEqual([
      'existing',
      'fetch',
      'compliance',
      'publish-local',
      'deploy',
      'register',
    ]);
    expect(await backend.repositories()).toContain(`${worker.name}.git`);
    expect(await backend.databases()).toEqual(databases);
    expect(
      backend.objects('staging', 'apps/v1', 'Deployment', namespace),
    ).toContain(worker.name);
    const entity = await backend.waitForEntity(
      `component:default/${worker.name}`,
    );
    expect(entity.metadata.annotations).toMatchObject({
      'carepath.io/data-classification': 'phi',
      'carepath.io/template': 'hl7-integration-worker',
    });
  });
});
