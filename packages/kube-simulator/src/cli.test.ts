import { ChildProcess, spawn } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const transform = join(
  root,
  'node_modules/@backstage/cli/config/nodeTransform.cjs',
);
const cli = join(__dirname, 'cli.ts');

function run(args: string[]): {
  child: ChildProcess;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
  firstLine: Promise<string>;
} {
  const child = spawn(
    process.execPath,
    ['--require', transform, cli, ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let resolveLine: (line: string) => void = () => {};
  const firstLine = new Promise<string>(r => (resolveLine = r));
  child.stdout!.on('data', chunk => {
    stdout += chunk;
    if (stdout.includes('\n')) resolveLine(stdout.split('\n')[0]);
  });
  child.stderr!.on('data', chunk => (stderr += chunk));
  const output = new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>(done => {
    child.on('exit', code => {
      resolveLine(stdout.split('\n')[0]);
      done({ code, stdout, stderr });
    });
  });
  return { child, output, firstLine };
}

describe('cli', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-simulator-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('starts, prints one ready line, writes a kubeconfig kubectl can use, and stops on SIGTERM', async () => {
    const kubeconfig = join(dir, 'kubeconfig');
    const { child, output, firstLine } = run([
      '--fleet',
      'empty',
      '--clusters',
      '2',
      '--port',
      '0',
      '--kubeconfig',
      kubeconfig,
    ]);
    const line = await firstLine;
    expect(line).toMatch(
      /^kube-simulator ready: prod-east=http:\/\/127\.0\.0\.1:\d+,https:\/\/127\.0\.0\.1:\d+ prod-west=\S+ control=http:\/\/127\.0\.0\.1:\d+ kubeconfig=\S+$/,
    );
    expect(await readFile(kubeconfig, 'utf8')).toContain(
      'certificate-authority-data',
    );
    const namespaces = await new Promise<string>(done =>
      execFile(
        '/usr/bin/kubectl',
        ['--context', 'prod-west', 'get', 'namespaces', '-o', 'name'],
        {
          env: {
            KUBECONFIG: kubeconfig,
            HOME: dir,
            PATH: process.env.PATH ?? '',
          },
        },
        (_e, out, err) => done(out + err),
      ),
    );
    expect(namespaces).toContain('namespace/default');
    child.kill('SIGTERM');
    expect((await output).code).toBe(0);
  });

  it('reports a port in use in one line and exits 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>(r => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { output } = run([
        '--fleet',
        'empty',
        '--port',
        String(port),
        '--kubeconfig',
        join(dir, 'k2'),
      ]);
      const result = await output;
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringContaining(`port ${port} is already in use`),
      ]);
      expect(result.stderr).not.toContain('    at ');
    } finally {
      blocker.close();
    }
  });

  it('prints usage for bad flags', async () => {
    const result = await run(['--fleet', 'galaxy']).output;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown fleet "galaxy"');
    expect(result.stderr).toContain('Usage: kube-simulator');
    expect((await run(['--bogus']).output).stderr).toContain(
      'unknown option "--bogus"',
    );
  });
});
