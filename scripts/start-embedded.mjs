#!/usr/bin/env node
// Starts CarePath on its embedded default: the kube-simulator's demo fleet,
// then the Backstage frontend (:3000) and backend (:7007).
// Everything it writes lives in .carepath/ (git-ignored).
import { spawn } from 'node:child_process';
import { mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import YAML from 'yaml';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const stateDir = path.join(root, '.carepath');

const PLATFORM_POSTGRES_PORT = 6432;
const SIM_CONTROL_PORT = 6442;
const SIM_BASE_PORT = 6443;
const SIM_CLUSTERS = 3;
const PORTS = [
  [3000, 'the frontend'],
  [7007, 'the backend'],
  [PLATFORM_POSTGRES_PORT, "the platform's PostgreSQL"],
  [SIM_CONTROL_PORT, 'the kube-simulator control API'],
  ...Array.from({ length: SIM_CLUSTERS }, (_, i) => [
    SIM_BASE_PORT + i,
    'a kube-simulator cluster (HTTP)',
  ]),
  ...Array.from({ length: SIM_CLUSTERS }, (_, i) => [
    SIM_BASE_PORT + 100 + i,
    'a kube-simulator cluster (HTTPS)',
  ]),
];

function fail(message, ...hints) {
  process.stderr.write(`\x1b[1;31mcarepath: ${message}\x1b[0m\n`);
  for (const hint of hints) process.stderr.write(`  ${hint}\n`);
  process.exit(1);
}

function portIsFree(port) {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0' }, () =>
      server.close(() => resolve(true)),
    );
  });
}

function prefixLines(stream, prefix, onLine) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', chunk => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      process.stdout.write(`${prefix} ${line}\n`);
      onLine?.(line);
    }
  });
}

const children = new Set();
let stopping = false;
// The launcher and everything it starts share one process group, so a
// terminal's Ctrl-C or a test runner that stops the group reaches all of it.
// When the launcher itself is told to stop, or a child dies, it stops the
// group: backstage-cli's own children (backend, frontend dev server) included.
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => {
    try {
      process.kill(0, 'SIGTERM');
    } catch (error) {
      process.stderr.write(
        `carepath: could not stop the process group: ${error}\n`,
      );
    }
    process.exit(code);
  }, 3000).unref();
  if (children.size === 0) process.exit(code);
}
process.on('SIGINT', () => stopAll(130));
process.on('SIGTERM', () => stopAll(143));

async function startKubeSimulator() {
  const cli = path.join(root, 'packages/kube-simulator/src/cli.ts');
  if (!existsSync(cli)) {
    process.stdout.write(
      '[kube-sim] not built yet: the portal starts without live clusters\n',
    );
    return;
  }
  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  const child = spawn(
    process.execPath,
    [
      '--require',
      transform,
      cli,
      '--fleet',
      'demo',
      '--clusters',
      String(SIM_CLUSTERS),
      '--port',
      String(SIM_BASE_PORT),
      '--control-port',
      String(SIM_CONTROL_PORT),
      '--kubeconfig',
      path.join(stateDir, 'kubeconfig'),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error('the kube-simulator did not report ready in 60 s')),
      60_000,
    );
    const onLine = line => {
      if (/ready/i.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    };
    prefixLines(child.stdout, '[kube-sim]', onLine);
    prefixLines(child.stderr, '[kube-sim]', onLine);
    child.once('exit', code => {
      clearTimeout(timer);
      children.delete(child);
      if (!stopping) {
        reject(new Error(`the kube-simulator exited with code ${code}`));
      }
    });
  }).catch(error =>
    fail(
      `Could not start the embedded clusters: ${error.message}.`,
      'The lines prefixed [kube-sim] above say why.',
    ),
  );
  child.once('exit', code => {
    if (!stopping) {
      process.stderr.write(
        `carepath: the kube-simulator stopped (exit ${code}); stopping the portal.\n`,
      );
      stopAll(1);
    }
  });
}

// The platform-managed PostgreSQL server that the database actions provision
// into. Its data survives restarts in .carepath/platform-postgres.
async function startPlatformPostgres() {
  const script = path.join(
    root,
    'packages/test-postgres/src/postgresServer.mjs',
  );
  const child = spawn(
    process.execPath,
    [
      script,
      '--persistent',
      '--data-dir',
      path.join(stateDir, 'platform-postgres', 'data'),
      '--port',
      String(PLATFORM_POSTGRES_PORT),
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  children.add(child);
  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', chunk => {
      stdout += chunk;
      const line = stdout.split('\n').find(l => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    prefixLines(child.stderr, '[platform-postgres]');
    child.once('exit', code => {
      children.delete(child);
      reject(new Error(`it exited with code ${code}`));
    });
  }).catch(error =>
    fail(
      `Could not start the platform's PostgreSQL: ${error.message}.`,
      'The lines prefixed [platform-postgres] above say why.',
    ),
  );
  process.stdout.write(
    `[platform-postgres] ready on 127.0.0.1:${PLATFORM_POSTGRES_PORT} (data in .carepath/platform-postgres)\n`,
  );
  child.once('exit', code => {
    if (!stopping) {
      process.stderr.write(
        `carepath: the platform's PostgreSQL stopped (exit ${code}); stopping the portal.\n`,
      );
      stopAll(1);
    }
  });
  return url;
}

// The simulator makes a new CA at every start; the portal verifies its
// clusters' HTTPS certificates against it, as it would a real cluster's.
function writeClusterCa() {
  const kubeconfig = YAML.parse(
    readFileSync(path.join(stateDir, 'kubeconfig'), 'utf8'),
  );
  const caData = kubeconfig.clusters.find(
    c => c.cluster['certificate-authority-data'],
  )?.cluster['certificate-authority-data'];
  if (!caData) {
    fail(
      'The kube-simulator wrote a kubeconfig without a CA.',
      'Delete .carepath/kubeconfig and run the command again.',
    );
  }
  const file = path.join(stateDir, 'kube-ca.crt');
  writeFileSync(file, Buffer.from(caData, 'base64'));
  return file;
}

// A local key for encrypting database backups at rest, made once per checkout.
function backupKey() {
  const file = path.join(stateDir, 'backup-encryption.key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function startBackstage(env) {
  const cli = require.resolve('@backstage/cli/bin/backstage-cli');
  const child = spawn(
    process.execPath,
    [cli, 'repo', 'start', ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  children.add(child);
  child.once('exit', code => {
    children.delete(child);
    stopAll(code ?? 1);
  });
}

mkdirSync(stateDir, { recursive: true });
for (const [port, what] of PORTS) {
  if (!(await portIsFree(port))) {
    fail(
      `Port ${port} (${what}) is already in use.`,
      `The embedded default needs ports ${PORTS.map(([p]) => p).join(', ')}.`,
      `Stop whatever holds port ${port} (perhaps an earlier 'yarn start'; 'ss -ltnp' shows it), then run the command again.`,
    );
  }
}
const platformDbUrl = await startPlatformPostgres();
await startKubeSimulator();
startBackstage({
  CAREPATH_PLATFORM_DB_URL: platformDbUrl,
  CAREPATH_BACKUP_KEY: backupKey(),
  CAREPATH_BACKUP_DIR: path.join(stateDir, 'backups'),
  CAREPATH_REPOS_DIR: path.join(stateDir, 'repos'),
  CAREPATH_KUBECONFIG: path.join(stateDir, 'kubeconfig'),
  CAREPATH_KUBE_CA_FILE: writeClusterCa(),
});
