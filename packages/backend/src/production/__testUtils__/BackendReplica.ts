import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from './renderOverlay';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One real CarePath backend process, as a replica of a multi-replica
 * deployment: run from source, or from the production bundle.
 */
export class BackendReplica {
  private exited: Promise<void>;

  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly logFile: string,
  ) {
    this.exited = new Promise(resolve => child.once('exit', () => resolve()));
  }

  /**
   * Runs `packages/backend/src/index.ts` from source with app-config.yaml and
   * the given config files.
   */
  static fromSource(options: {
    name: string;
    port: number;
    configFiles: string[];
    env: Record<string, string>;
    logDir: string;
  }): BackendReplica {
    return BackendReplica.start({
      ...options,
      cwd: path.join(repoRoot, 'packages/backend'),
      args: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        'src/index.ts',
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        ...options.configFiles.flatMap(file => ['--config', file]),
      ],
      env: { NODE_ENV: 'development', ...options.env },
    });
  }

  /**
   * Starts `node <args>` in `cwd` with only PATH, HOME and `env` in its
   * environment, its output going to `<logDir>/<name>.log`.
   */
  static start(options: {
    name: string;
    port: number;
    cwd: string;
    args: string[];
    env: Record<string, string>;
    logDir: string;
  }): BackendReplica {
    const logFile = path.join(options.logDir, `${options.name}.log`);
    const log = createWriteStream(logFile);
    const child = spawn(process.execPath, options.args, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return new BackendReplica(
      options.name,
      `http://127.0.0.1:${options.port}`,
      child,
      logFile,
    );
  }

  /** Resolves when the readiness endpoint answers 200. */
  async ready(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => {
      exited = true;
    });
    while (Date.now() < deadline && !exited) {
      try {
        const res = await fetch(`${this.url}/.backstage/health/v1/readiness`);
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise(r => setTimeout(r, 500));
    }
    throw new Error(
      `replica ${this.name} did not become ready${
        exited ? ' (it exited)' : ''
      }; last log lines:\n${await this.tail()}`,
    );
  }

  /** The last lines of the replica's output but request logs, for failure messages. */
  async tail(lines = 30): Promise<string> {
    const text = await readFile(this.logFile, 'utf8');
    return text
      .split('\n')
      .filter(line => !line.includes('incomingRequest'))
      .slice(-lines)
      .join('\n');
  }

  /** Kills the process without warning, as a node failure would. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Stops the process (SIGTERM, then SIGKILL after 10 s). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}
