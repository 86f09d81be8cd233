import type { JsonObject } from '@backstage/config';
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
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

/** A free local port for a child process. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise(resolve => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
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
    // A cached package is used as is; a flaky registry gets a few retries.
    await sh(dir, 'npm', [
      'ci',
      '--no-audit',
      '--prefer-offline',
      '--fetch-retries=5',
    ]);
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

    // The built server on real PostgreSQL: health open, everything else
    // behind a bearer token, one audit line per PHI route request.
    const port = await freePort();
    const db = new URL(backend.postgres.url);
    const server = spawn('node', ['dist/server.js'], {
      cwd: dir,
      env: {
        ...process.env,
        PORT: String(port),
        OIDC_JWKS_URL: 'https://idp.carepath.example/.well-known/jwks.json',
        OIDC_ISSUER: 'https://idp.carepath.example',
        OIDC_AUDIENCE: 'patient-records-api',
        PGHOST: db.hostname,
        PGPORT: db.port,
        PGUSER: decodeURIComponent(db.username),
        PGPASSWORD: decodeURIComponent(db.password),
        PGDATABASE: db.pathname.slice(1),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let audit = '';
    let log = '';
    server.stdout.on('data', chunk => (audit += chunk));
    server.stderr.on('data', chunk => (log += chunk));
    try {
      const url = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 30_000;
      let health = 0;
      while (Date.now() < deadline && health !== 200) {
        health = await fetch(`${url}/healthz`)
          .then(r => r.status)
          .catch(() => 0);
        if (health !== 200) await new Promise(r => setTimeout(r, 200));
      }
      expect({ health, log: health === 200 ? '' : log }).toEqual({
        health: 200,
        log: '',
      });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const patient = await fetch(`${url}/Patient/1`);
      expect(patient.status).toBe(401);
      const lines = audit.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({
        resourceType: 'Patient',
        outcome: 'unauthenticated',
      });
    } finally {
      server.kill('SIGTERM');
    }
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
