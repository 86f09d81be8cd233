import type { JsonObject } from '@backstage/config';
import {
  evaluateManifests,
  formatViolations,
  hipaaControlsSource,
  hipaaControlsYaml,
  parseControls,
} from '@carepath/plugin-compliance-common';
// The catalog module that checks carepath.io annotations ships with the
// compliance plugin.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { knownCarepathAnnotations } from '@carepath/plugin-compliance-backend';
import { Validator } from 'jsonschema';
import { parse as parseYaml } from 'yaml';
import { stripVTControlCharacters } from 'node:util';
import {
  AnswerSet,
  demoService,
  demoServiceEntity,
  fhirServiceAnswers,
  fhirServiceRefused,
  workerAnswers,
} from './__fixtures__/answers';
import {
  catalogInfo,
  manifests,
  RenderedFiles,
  renderedFiles,
  yamlErrors,
} from './__testUtils__/renderedFiles';
import {
  readTemplates,
  TemplateUnderTest,
} from './__testUtils__/templateFiles';
import {
  DryRunResult,
  TemplateTestBackend,
} from './__testUtils__/TemplateTestBackend';

jest.setTimeout(120_000);

/** Steps that ran and steps that were skipped, in order, from the task log. */
function stepsOf(result: DryRunResult) {
  const messages = (result.body.log ?? []).map(l => l.body);
  return {
    ran: messages
      .filter(m => m.status === 'completed' && m.stepId)
      .map(m => m.stepId!),
    skipped: messages
      .filter(m => m.status === 'skipped' && m.stepId)
      .map(m => m.stepId!),
    messages: messages.map(m => m.message),
  };
}

/** The input each action was given, as the dry-run log shows it. */
function actionInputs(result: DryRunResult) {
  return (result.body.log ?? []).flatMap(({ body }) => {
    const match =
      /Running (\S+) in dry-run mode with inputs \(secrets redacted\): (\{[\s\S]*\})$/.exec(
        stripVTControlCharacters(body.message),
      );
    return match
      ? [{ stepId: body.stepId, action: match[1], input: JSON.parse(match[2]) }]
      : [];
  });
}

const controls = parseControls(hipaaControlsYaml, {
  source: hipaaControlsSource,
});

/** The shipped controls over a rendered repository's manifests and catalog-info. */
function evaluate(files: RenderedFiles) {
  return evaluateManifests(
    {
      files: [...files]
        .filter(([file]) => /^kubernetes\/.*\.ya?ml$/.test(file))
        .map(([file, text]) => ({ path: file, text })),
      catalogInfo: {
        path: 'catalog-info.yaml',
        text: files.get('catalog-info.yaml')!,
      },
    },
    controls,
  );
}

describe('templates through the dry-run API', () => {
  let backend: TemplateTestBackend;
  let templates: Map<string, TemplateUnderTest>;
  let before: JsonObject;
  let actionSchemas: Map<string, JsonObject>;
  const rendered = new Map<string, RenderedFiles>();

  beforeAll(async () => {
    backend = await TemplateTestBackend.start({
      entities: [demoServiceEntity],
    });
    templates = new Map((await readTemplates()).map(t => [t.name, t]));
    backend.namespace('clinical-records');
    await backend.waitForEntity(demoService.entityRef);
    before = await backend.state();
  });
  afterAll(() => backend?.stop());

  it('knows every action the templates use', async () => {
    const { status, body } = await backend.request(
      '/api/scaffolder/v2/actions',
    );
    expect(status).toBe(200);
    const installed = new Set((body as Array<{ id: string }>).map(a => a.id));
    actionSchemas = new Map(
      (body as Array<{ id: string; schema?: { input?: JsonObject } }>).map(
        a => [a.id, a.schema?.input ?? {}],
      ),
    );
    const missing = [...templates.values()].flatMap(t =>
      t.entity.spec.steps
        .filter(step => !installed.has(step.action))
        .map(step => `${t.name}: ${step.action}`),
    );
    expect(missing).toEqual([]);
  });

  const goldenPaths: Array<[string, AnswerSet]> = [
    ['fhir-service', fhirServiceAnswers.A],
    ['fhir-service', fhirServiceAnswers.B],
    ['fhir-service', fhirServiceAnswers.C],
    ['hl7-integration-worker', workerAnswers.A],
    ['hl7-integration-worker', workerAnswers.B],
  ];

  it.each(goldenPaths.map(([name, answers]) => [name, answers.id, answers]))(
    '%s %s renders a compliant repository',
    async (name, _id, answers) => {
      const template = templates.get(name)!;
      const values = answers.values as JsonObject & Record<string, any>;
      const result = await backend.dryRun(template, values);
      expect(result.status).toBe(200);
      const steps = stepsOf(result);
      const github = values.publishTarget === 'github';
      const expectedSteps = [
        'existing',
        'fetch',
        'compliance',
        github ? 'publish-github' : 'publish-local',
        ...(values.needsDatabase ? ['database'] : []),
        'deploy',
        'register',
      ];
      // publish:github and catalog:register do not support dry-run: the
      // scaffolder skips them, so nothing is published or registered.
      expect(steps.ran).toEqual(
        expectedSteps.filter(s => s !== 'publish-github' && s !== 'register'),
      );
      expect(steps.skipped).toEqual(
        template.entity.spec.steps
          .map(step => step.id!)
          .filter(id => !steps.ran.includes(id)),
      );
      expect(steps.messages.join('\n')).toMatch(
        /Compliance check .*: \d+ passed, 0 failed/,
      );

      // Every step's rendered input fits its action's input schema, also for
      // the steps a dry run skips (publish:github, catalog:register).
      const inputs = actionInputs(result);
      expect(inputs.map(i => i.stepId)).toEqual(
        expectedSteps.filter(
          id =>
            steps.ran.includes(id) ||
            ['publish-github', 'register'].includes(id),
        ),
      );
      const validator = new Validator();
      expect(
        inputs.flatMap(({ action, input }) =>
          validator
            .validate(input, actionSchemas.get(action)!)
            .errors.map(e => `${action}: ${e.stack}`),
        ),
      ).toEqual([]);

      const files = renderedFiles(result.body.directoryContents);
      rendered.set(`${name} ${answers.id}`, files);
      expect(yamlErrors(files)).toEqual([]);
      const withExpressions = [...files]
        .filter(([, text]) => text.includes('${{'))
        .map(([file]) => file);
      expect(withExpressions).toEqual(['.github/workflows/ci.yaml']);

      const entity = catalogInfo(files);
      const version =
        template.entity.metadata.annotations!['carepath.io/template-version'];
      expect(entity.metadata.name).toBe(values.name);
      expect(entity.metadata.annotations).toMatchObject({
        'carepath.io/data-classification': values.dataClassification,
        'carepath.io/template': name,
        'carepath.io/template-version': version,
        'backstage.io/kubernetes-id': values.name,
        'backstage.io/kubernetes-namespace': values.namespace,
        'backstage.io/techdocs-ref': 'dir:.',
      });
      expect(entity.metadata.labels).toMatchObject({
        'carepath.io/template': name,
        'carepath.io/template-version': version,
      });
      expect(entity.metadata.annotations['carepath.io/audit-logging']).toBe(
        values.dataClassification === 'phi' ? 'enabled' : undefined,
      );
      expect(entity.spec).toMatchObject({
        type: 'service',
        lifecycle: 'experimental',
        owner: values.owner,
        system: values.system,
      });

      const objects = manifests(files);
      const deployment = objects.get(`Deployment/${values.name}`);
      expect(deployment.metadata.namespace ?? values.namespace).toBe(
        values.namespace,
      );
      expect(objects.has(`Ingress/${values.name}`)).toBe(
        Boolean(values.exposed),
      );
      expect(files.has('kubernetes/exposed/ingress.yaml')).toBe(
        Boolean(values.exposed),
      );
      const env = JSON.stringify(deployment.spec.template.spec.containers);
      expect(env.includes(`${values.name}-db-credentials`)).toBe(
        Boolean(values.needsDatabase),
      );
      const packageNames = ['package.json', 'package-lock.json']
        .filter(file => files.has(file))
        .map(file => JSON.parse(files.get(file)!).name);
      expect(packageNames).toEqual(
        name === 'fhir-service' ? [values.name, values.name] : [],
      );
    },
  );

  it('renders repositories that stay compliant in production', () => {
    expect([...rendered.keys()]).toHaveLength(goldenPaths.length);
    for (const [key, files] of rendered) {
      const production = new Map(files);
      production.set(
        'catalog-info.yaml',
        files
          .get('catalog-info.yaml')!
          .replace('lifecycle: experimental', 'lifecycle: production'),
      );
      for (const variant of [files, production]) {
        const evaluation = evaluate(variant);
        expect({
          key,
          report: formatViolations(evaluation.violations),
        }).toEqual({ key, report: formatViolations([]) });
        expect(evaluation.passed).toBe(true);
      }
    }
  });

  it('writes only carepath.io annotations the catalog knows', () => {
    expect([...rendered.keys()]).toHaveLength(goldenPaths.length);
    for (const [key, files] of rendered) {
      const entity = parseYaml(files.get('catalog-info.yaml')!);
      const carepath = Object.keys(entity.metadata.annotations ?? {}).filter(
        name => name.startsWith('carepath.io/'),
      );
      expect(carepath.length).toBeGreaterThan(0);
      expect({
        key,
        unknown: carepath.filter(a => !knownCarepathAnnotations.includes(a)),
      }).toEqual({ key, unknown: [] });
    }
  });

  it('a negative control fails the controls a golden path satisfies', () => {
    const files = new Map(rendered.get('fhir-service A')!);
    files.set(
      'kubernetes/deployment.yaml',
      files
        .get('kubernetes/deployment.yaml')!
        .replace(/(image: \S+):0\.1\.0/, '$1:latest')
        .replace(
          'readOnlyRootFilesystem: true',
          'readOnlyRootFilesystem: false',
        ),
    );
    files.set(
      'catalog-info.yaml',
      files
        .get('catalog-info.yaml')!
        .replace(/^\s*carepath\.io\/audit-logging: enabled\n/m, ''),
    );
    const evaluation = evaluate(files);
    expect(evaluation.passed).toBe(false);
    expect(
      [...new Set(evaluation.violations.map(v => v.controlId))].sort(),
    ).toEqual(['CP-AUD-01', 'CP-INT-01', 'CP-INT-03']);
  });

  it('fhir-service A provisions and deploys in staging, C in prod-east', async () => {
    const template = templates.get('fhir-service')!;
    const a = await backend.dryRun(template, fhirServiceAnswers.A.values);
    const inputsOf = (result: DryRunResult) =>
      Object.fromEntries(actionInputs(result).map(i => [i.stepId, i.input]));
    expect(inputsOf(a)).toMatchObject({
      database: {
        entityRef: 'component:default/patient-records-api',
        name: 'patient_records_api',
        dataClassification: 'phi',
        cluster: 'staging',
        namespace: 'clinical-records',
        secretName: 'patient-records-api-db-credentials',
        backupPolicy: { maxAgeHours: 24 },
      },
      deploy: { cluster: 'staging', path: 'kubernetes/' },
      'publish-local': { repoName: 'patient-records-api' },
    });
    expect(stepsOf(a).messages.join('\n')).toMatch(
      /database patient_records_api on server embedded would be created/,
    );
    const c = await backend.dryRun(template, fhirServiceAnswers.C.values);
    expect(inputsOf(c)).toMatchObject({
      database: { cluster: 'prod-east', dataClassification: 'public' },
      deploy: { cluster: 'prod-east' },
    });
    expect(inputsOf(c).database).not.toHaveProperty('backupPolicy');
  });

  it.each(fhirServiceRefused.map(r => [r.id, r] as const))(
    'fhir-service refuses %s before any step',
    async (_id, answers) => {
      const result = await backend.dryRun(
        templates.get('fhir-service')!,
        answers.values,
      );
      expect(result.status).toBe(400);
      expect(result.body.log).toBeUndefined();
      expect(result.body.errors?.length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['fhir-service', fhirServiceAnswers.A.values],
    ['hl7-integration-worker', workerAnswers.B.values],
  ])(
    '%s refuses a name that is already in the catalog before any step',
    async (template, values) => {
      const result = await backend.dryRun(templates.get(template)!, {
        ...values,
        name: demoService.name,
      });
      expect(result.status).toBe(500);
      expect(result.body.error?.message).toMatch(
        /a_component_with_this_name_already_exists_in_the_catalog/,
      );
    },
  );

  it('the skeleton itself refuses phi without a backup policy, should an answer get past the form', async () => {
    const template = templates.get('fhir-service')!;
    const withoutForm = {
      ...template,
      entity: {
        ...template.entity,
        spec: { ...template.entity.spec, parameters: [] },
      },
    };
    const result = await backend.dryRun(
      withoutForm,
      fhirServiceRefused.find(r => r.id === 'phi without a backup policy')!
        .values,
    );
    expect(result.status).toBe(500);
    expect(result.body.error?.message).toMatch(
      /phi_and_pii_services_require_a_backup_policy/,
    );
  });

  it('changed nothing: no repository, database, Kubernetes object or catalog entity', async () => {
    expect(await backend.state()).toEqual(before);
    expect(before).toMatchObject({
      repositories: [],
      components: [demoService.name],
    });
    const records = await backend.request(
      '/api/scaffolder/carepath/platform-records?entityRef=component:default/patient-records-api',
    );
    expect(records.body).toEqual({ databases: [] });
  });
});
