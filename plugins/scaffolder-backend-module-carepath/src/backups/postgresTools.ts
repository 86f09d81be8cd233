import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DatabaseServer } from '../database/DatabaseServer';

/**
 * libpq settings for the admin connection to `database`. The password goes
 * in the environment, never on the command line, where any local user could
 * read it from the process list.
 */
function connectionEnvironment(
  server: DatabaseServer,
  database: string,
): NodeJS.ProcessEnv {
  const url = new URL(server.adminConnection);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGDATABASE: database,
    PGCONNECT_TIMEOUT: '10',
  };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

function collectStderr(child: ReturnType<typeof spawn>): () => string {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 4000) stderr += chunk;
  });
  return () => stderr.trim();
}

function exited(
  child: ReturnType<typeof spawn>,
  what: string,
  stderr: () => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('error', error =>
      reject(new Error(`${what} could not start: ${error.message}`)),
    );
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${what} failed (${
              signal ? `killed by ${signal}` : `exit ${code}`
            })${stderr() ? `: ${stderr()}` : ''}`,
          ),
        );
    });
  });
}

/** Settles both; the process's own error wins over a broken pipe. */
async function settle(stream: Promise<unknown>, processDone: Promise<void>) {
  const [piped, finished] = await Promise.allSettled([stream, processDone]);
  if (finished.status === 'rejected') throw finished.reason;
  if (piped.status === 'rejected') throw piped.reason;
}

/**
 * Starts a logical backup (`pg_dump --format=custom`) of `database`: its
 * output, and a promise that rejects with pg_dump's message if it fails.
 */
export function startDump(options: {
  server: DatabaseServer;
  database: string;
}): { stream: Readable; done: Promise<void> } {
  const child = spawn('pg_dump', ['--format=custom', '--no-password'], {
    env: connectionEnvironment(options.server, options.database),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = collectStderr(child);
  return {
    stream: child.stdout!,
    done: exited(child, `pg_dump of ${options.database}`, stderr),
  };
}

/**
 * Restores a custom-format dump into `database` in one transaction, as
 * `role`: objects end up owned by the service's role, and a failure leaves
 * the database as it was.
 */
export async function restoreDatabase(options: {
  server: DatabaseServer;
  database: string;
  role: string;
  dump: Readable;
}): Promise<void> {
  const child = spawn(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      `--role=${options.role}`,
      '--single-transaction',
      '--exit-on-error',
      '--no-password',
      `--dbname=${options.database}`,
    ],
    {
      env: connectionEnvironment(options.server, options.database),
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  const stderr = collectStderr(child);
  const done = exited(child, `pg_restore into ${options.database}`, stderr);
  await settle(pipeline(options.dump, child.stdin!), done);
}
