import type { JsonObject } from '@backstage/config';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fhirServiceAnswers, workerAnswers } from './__fixtures__/answers';
import { readTemplates } from './__testUtils__/templateFiles';
import { TemplateTestBackend } from './__testUtils__/TemplateTestBackend';

/**
 * The generated repositories build and pass their own tests. Slow (npm
 * installs from the registry in the user's npm config), so kept apart.
 */
jest.setTimeout(15 * 60_000);

const exec = promisify(execFile);

/** Runs a command in a generated repository; resolves with its output. */
async function sh(cwd: string, command: string, args: string[]) {
  const { stdout, stderr } = await exec(command, args, {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CI: 'true', NODE_ENV: 'test' },
  });
  return `${stdout}\n${stderr}`;
}

describe('generated repositories pass their own tests', () => {
  let backend: TemplateTestBackend;
  let workDirectory: string;

  /** Renders a template through the dry-run API into a fresh folder. */
  async function generate(template: string, values: JsonObject) {
    const under = (await readTemplates()).find(t => t.name === template)!;
    const result = await backend.dryRun(under, values);
    expect(result.status).toBe(200);
    const dir = path.join(workDirectory, String(values.name));
    for (const file of result.body.directoryContents ?? []) {
      const target = path.join(dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, Buffer.from(file.base64Content, 'base64'));
    }
    return dir;
  }

  beforeAll(async () => {
    backend = await TemplateTestBackend.start();
    backend.namespace('clinical-records');
    workDirectory = await mkdtemp(path.join(tmpdir(), 'carepath-generated-'));
  });
  afterAll(async () => {
    await backend?.stop();
    if (workDirectory)
      await rm(workDirectory, { recursive: true, force: true });
  });

  it('fhir-service: npm ci && npm test, and the build produces the server', async () => {
    const dir = await generate('fhir-service', fhirServiceAnswers.A.values);
    await sh(dir, 'npm', ['ci', '--no-audit']);
    const output = await sh(dir, 'npm', ['test']);
    // node --test's summary: "ℹ pass 11" (spec reporter) or "# pass 11" (TAP).
    const passed = /^\W*pass (\d+)$/m.exec(output);
    const failed = /^\W*fail (\d+)$/m.exec(output);
    expect({
      passed: Number(passed?.[1]),
      failed: Number(failed?.[1]),
    }).toEqual({ passed: expect.any(Number), failed: 0 });
    expect(Number(passed?.[1])).toBeGreaterThanOrEqual(11);
    await sh(dir, 'npm', ['run', 'build']);
    expect(existsSync(path.join(dir, 'dist', 'server.js'))).toBe(true);
  });

  it.each([workerAnswers.A, workerAnswers.B])(
    'hl7-integration-worker $id: python -m unittest as its CI runs it',
    async answers => {
      const dir = await generate('hl7-integration-worker', answers.values);
      const output = await sh(dir, 'python3', ['-m', 'unittest', '-v']);
      const ran = /Ran (\d+) tests?/.exec(output);
      expect(Number(ran?.[1])).toBeGreaterThanOrEqual(17);
      expect(output).toMatch(/\nOK\b/);
    },
  );
});
