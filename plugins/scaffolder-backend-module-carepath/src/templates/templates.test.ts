import { locationEntityV1alpha1Validator } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/config';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import Ajv from 'ajv';
import { Validator } from 'jsonschema';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AnswerSet,
  databaseOperationsAnswers,
  databaseOperationsRefused,
  decommissionAnswers,
  decommissionRefused,
  fhirServiceAnswers,
  fhirServiceRefused,
  RefusedAnswerSet,
  workerAnswers,
} from './__fixtures__/answers';
import {
  listFiles,
  readLocation,
  readTemplates,
  templatesDirectory,
  TemplateUnderTest,
} from './__testUtils__/templateFiles';

const semver = /^(\d+)\.(\d+)\.(\d+)$/;

function parameterPages(template: TemplateUnderTest): JsonObject[] {
  return [template.entity.spec.parameters ?? []].flat() as JsonObject[];
}

/**
 * Every error of every page as the scaffolder backend reports it (the same
 * library and call), as `property message`.
 */
function formErrors(template: TemplateUnderTest, values: JsonObject): string[] {
  const validator = new Validator();
  return parameterPages(template).flatMap(page =>
    validator
      .validate(values, page)
      .errors.map(error => `${error.property} ${error.message}`),
  );
}

const answerSets: Record<
  string,
  { accepted: AnswerSet[]; refused: RefusedAnswerSet[] }
> = {
  'fhir-service': {
    accepted: Object.values(fhirServiceAnswers),
    refused: fhirServiceRefused,
  },
  'hl7-integration-worker': {
    accepted: Object.values(workerAnswers),
    refused: [
      {
        id: 'a bad name',
        field: 'name',
        values: { ...workerAnswers.B.values, name: '9-lives' },
      },
      {
        id: 'an http FHIR server',
        field: 'fhirBaseUrl',
        values: { ...workerAnswers.A.values, fhirBaseUrl: 'http://fhir.local' },
      },
    ],
  },
  'database-operations': {
    accepted: Object.values(databaseOperationsAnswers),
    refused: databaseOperationsRefused,
  },
  'service-decommission': {
    accepted: Object.values(decommissionAnswers),
    refused: decommissionRefused,
  },
};

describe('templates', () => {
  let templates: TemplateUnderTest[];

  beforeAll(async () => {
    templates = await readTemplates();
  });

  describe('entities', () => {
    it('registers every template through a valid Location', async () => {
      const location = await readLocation();
      await expect(
        locationEntityV1alpha1Validator.check(location),
      ).resolves.toBe(true);
      for (const target of location.spec.targets) {
        expect(existsSync(path.resolve(templatesDirectory, target))).toBe(true);
      }
      expect(templates.map(t => t.name).sort()).toEqual([
        'database-operations',
        'fhir-service',
        'hl7-integration-worker',
        'service-decommission',
      ]);
    });

    it('passes the scaffolder v1beta3 validator', async () => {
      for (const template of templates) {
        await expect(
          templateEntityV1beta3Validator.check(template.entity),
        ).resolves.toBe(true);
      }
    });

    it('is owned by the platform team and carries one version everywhere', () => {
      for (const { entity } of templates) {
        expect(entity.spec.owner).toBe('group:default/platform-team');
        const version =
          entity.metadata.annotations?.['carepath.io/template-version'];
        expect(version).toMatch(semver);
        expect(entity.metadata.labels?.['carepath.io/template-version']).toBe(
          version,
        );
        expect(entity.metadata.tags).toContain(
          `v${version!.replace(/\./g, '-')}`,
        );
        // Golden paths pass their name and version into the skeleton.
        const skeletonValues = entity.spec.steps
          .filter(
            s => s.action === 'fetch:template' && s.input?.url === './skeleton',
          )
          .map(s => s.input!.values as JsonObject)
          .map(v => [v.templateName, v.templateVersion]);
        expect(skeletonValues).toEqual(
          entity.spec.type === 'service'
            ? [[entity.metadata.name, version]]
            : [],
        );
      }
    });

    it('has parameter pages that compile as JSON schemas', () => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      for (const template of templates) {
        const pages = parameterPages(template);
        expect(pages.length).toBeGreaterThan(0);
        for (const page of pages) {
          expect(() => ajv.compile(page)).not.toThrow();
        }
      }
    });
  });

  describe('forms', () => {
    it.each(Object.keys(answerSets))('%s accepts its answer sets', name => {
      const template = templates.find(t => t.name === name)!;
      for (const answers of answerSets[name].accepted) {
        expect({
          id: answers.id,
          errors: formErrors(template, answers.values),
        }).toEqual({
          id: answers.id,
          errors: [],
        });
      }
    });

    it.each(Object.keys(answerSets))(
      '%s refuses bad answers, naming the field',
      name => {
        const template = templates.find(t => t.name === name)!;
        expect(answerSets[name].refused.length).toBeGreaterThan(0);
        for (const answers of answerSets[name].refused) {
          const errors = formErrors(template, answers.values);
          expect({
            id: answers.id,
            named: errors.some(e =>
              new RegExp(
                `^instance(\\.${answers.field} | requires property "${answers.field}")`,
              ).test(e),
            ),
          }).toEqual({
            id: answers.id,
            named: true,
          });
        }
      },
    );
  });

  describe('repository hygiene', () => {
    it('keeps templates/ out of the workspaces and registry hosts out of skeletons', async () => {
      expect(existsSync(path.join(templatesDirectory, 'package.json'))).toBe(
        false,
      );
      for (const template of templates) {
        for (const file of await listFiles(template.directory)) {
          if (!/package(-lock)?\.json/.test(file)) continue;
          const text = await readFile(
            path.join(template.directory, file),
            'utf8',
          );
          expect({ file, resolved: text.includes('"resolved"') }).toEqual({
            file,
            resolved: false,
          });
        }
      }
    });
  });
});
