import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * A PostgreSQL server for one test file.
 *
 * @public
 */
export interface TestPostgres {
  /** Connection URL of a database that belongs to this test run alone. */
  url: string;
  /** Connection URL of the server's admin database (`postgres`). */
  adminUrl: string;
  /** Drops what was created and stops the server that was started, if any. */
  stop(): Promise<void>;
}

// This package runs from source in tests and is never bundled, so the script
// stays beside this file.
// eslint-disable-next-line no-restricted-syntax
const serverScript = path.join(__dirname, 'postgresServer.mjs');

/**
 * Starts an embedded PostgreSQL 15 server in a child process, or, when
 * `CAREPATH_TEST_POSTGRES_URL` points at an external server, creates a fresh
 * database there instead.
 *
 * @public
 */
export async function startTestPostgres(
  options: { timeoutMs?: number } = {},
): Promise<TestPostgres> {
  const external = process.env.CAREPATH_TEST_POSTGRES_URL;
  if (external) {
    return createDatabaseOn({ adminUrl: external, stopServer: async () => {} });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'carepath-pg-'));
  // As root, the server runs as a `postgres` user, which must be able to
  // create its data directory here.
  chmodSync(dir, 0o777);
  const child = spawn(
    process.execPath,
    [serverScript, '--data-dir', path.join(dir, 'data')],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', chunk => {
    stderr += chunk;
  });
  const adminUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`embedded PostgreSQL did not start: ${stderr}`)),
      options.timeoutMs ?? 60_000,
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', chunk => {
      stdout += chunk;
      const line = stdout.split('\n').find(l => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited (${code}): ${stderr}`));
    });
  });
  return createDatabaseOn({
    adminUrl,
    stopServer: async () => {
      await new Promise<void>(resolve => {
        child.once('exit', () => resolve());
        child.stdin.end();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

async function createDatabaseOn(options: {
  adminUrl: string;
  stopServer: () => Promise<void>;
}): Promise<TestPostgres> {
  const name = `carepath_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(options.adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    adminUrl: options.adminUrl,
    async stop() {
      const client = new Client({ connectionString: options.adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
      await options.stopServer();
    },
  };
}
