import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import type { JsonValue } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'yaml';
import { createComplianceCheckAction } from './createComplianceCheckAction';
import { complianceCheckExamples } from './createComplianceCheckAction.examples';
import { TestAuditTrail } from '../../__testUtils__/TestAuditTrail';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let trail: TestAuditTrail;
beforeAll(async () => {
  trail = await TestAuditTrail.create({ databases });
});

const fixtures = join(__dirname, '__fixtures__');
const compliant = [
  'deployment-compliant.yaml',
  'serviceaccount-compliant.yaml',
  'service-clusterip.yaml',
  'ingress-tls.yaml',
  'networkpolicy-compliant.yaml',
  'pdb-compliant.yaml',
];

async function repository(manifests: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'carepath-repository-'));
  await mkdir(join(dir, 'kubernetes'));
  for (const file of manifests)
    await cp(join(fixtures, file), join(dir, 'kubernetes', file));
  await cp(
    join(fixtures, 'entity-compliant.yaml'),
    join(dir, 'catalog-info.yaml'),
  );
  return dir;
}

async function run(
  workspacePath: string,
  input: Record<string, JsonValue> = {},
) {
  const outputs: Record<string, JsonValue> = {};
  const ctx = {
    ...createMockActionContext({ input, workspacePath }),
    output: (name: string | number | symbol, value: JsonValue) => {
      outputs[String(name)] = value;
    },
  };
  const action = createComplianceCheckAction({
    audit: trail.platformAudit(mockServices.auditor.mock()),
  });
  let error: Error | undefined;
  try {
    await action.handler(ctx as Parameters<typeof action.handler>[0]);
  } catch (e) {
    error = e as Error;
  }
  return { outputs, error };
}

describe('carepath:compliance:check', () => {
  it('runs the example over a compliant repository and passes', async () => {
    const dir = await repository(compliant);
    const { outputs, error } = await run(
      dir,
      yaml.parse(complianceCheckExamples[0].example).steps[0].input,
    );
    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({
      passed: true,
      violations: 0,
      failedControls: 0,
      controlsVersion: expect.any(String),
    });
    expect(outputs.passedControls).toBeGreaterThan(10);
  });

  it('fails with each violation: control, HIPAA citation, file, field and fix', async () => {
    const dir = await repository([
      'deployment-latest-image.yaml',
      ...compliant.slice(1),
    ]);
    const { outputs, error } = await run(dir);
    expect(outputs).toMatchObject({
      passed: false,
      failedControls: expect.any(Number),
    });
    expect(error?.message).toMatch(/^\d+ compliance violations?/);
    expect(error?.message).toContain('CP-INT-03 (HIPAA 164.312(c)(1), high)');
    expect(error?.message).toMatch(
      /at: {2}kubernetes\/deployment-latest-image.yaml: spec.template.spec.containers\[\d\].image/,
    );
    expect(error?.message).toMatch(/fix: /);
  });

  it('names the file of a YAML error and rejects paths outside the workspace', async () => {
    const dir = await repository(compliant);
    await writeFile(join(dir, 'kubernetes', 'broken.yaml'), 'kind: [\n');
    const broken = await run(dir);
    expect(broken.error).toBeInstanceOf(InputError);
    expect(broken.error?.message).toMatch(/kubernetes\/broken.yaml: line \d+/);
    const outside = await run(dir, { catalogInfoPath: '../../etc/passwd' });
    expect(outside.error?.message).toMatch(
      /catalogInfoPath: \.\.\/\.\.\/etc\/passwd is outside the workspace/,
    );
    expect(await readFile(join(dir, 'catalog-info.yaml'), 'utf8')).toContain(
      'fhir-gateway',
    );
  });
});
