/* eslint-disable no-console */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { consoleLogger, silentLogger } from './Logger';
import {
  FleetSpec,
  KubeSimulator,
  parseFleet,
  startKubeSimulator,
} from './startKubeSimulator';

const usage = `Usage: kube-simulator [options]

  --fleet demo|scale:N|empty   what the clusters start with (default: demo)
  --clusters N                 number of clusters (default: 3 for demo/scale, 1 for empty)
  --port P                     base port: cluster i serves HTTP on P+i and HTTPS on P+100+i (default: 6443; 0 = any free port)
  --https-port P               base HTTPS port (default: port+100); "off" to serve HTTP only
  --control-port P             control API port (default: port-1)
  --kubeconfig FILE            where to write the kubeconfig (default: ${join(
    tmpdir(),
    'carepath-kube-simulator',
    'kubeconfig',
  )})
  --pod-ready-delay MS         time from pod scheduling to ready (default: 1500)
  --failure-interval MS        period of crash-loop restarts and probe failures (default: 10000)
  --host ADDRESS               listen address (default: 127.0.0.1)
  --verbose                    log request failures to stderr
  --help                       show this help
`;

interface CliOptions {
  fleet: FleetSpec;
  clusters?: number;
  port: number;
  httpsPort?: number | false;
  controlPort?: number;
  kubeconfig: string;
  podReadyDelayMs?: number;
  failureIntervalMs?: number;
  host: string;
  verbose: boolean;
}

class UsageError extends Error {}

function parsePort(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(
      `${name} needs a port number (0-65535), got "${value ?? ''}"`,
    );
  return n;
}

function parseArgs(argv: string[]): CliOptions | 'help' {
  const options: CliOptions = {
    fleet: 'demo',
    port: 6443,
    kubeconfig: join(tmpdir(), 'carepath-kube-simulator', 'kubeconfig'),
    host: '127.0.0.1',
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--fleet':
        try {
          options.fleet = parseFleet(value());
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        break;
      case '--clusters': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 50)
          throw new UsageError(
            `--clusters needs a number from 1 to 50, got "${v}"`,
          );
        options.clusters = n;
        break;
      }
      case '--port':
        options.port = parsePort('--port', value());
        break;
      case '--https-port': {
        const v = value();
        options.httpsPort = v === 'off' ? false : parsePort('--https-port', v);
        break;
      }
      case '--control-port':
        options.controlPort = parsePort('--control-port', value());
        break;
      case '--kubeconfig':
        options.kubeconfig = resolve(value());
        break;
      case '--pod-ready-delay':
      case '--failure-interval': {
        const v = value();
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0)
          throw new UsageError(`${flag} needs milliseconds, got "${v}"`);
        if (flag === '--pod-ready-delay') options.podReadyDelayMs = n;
        else options.failureIntervalMs = n;
        break;
      }
      case '--host':
        options.host = value();
        break;
      case '--verbose':
        options.verbose = true;
        break;
      default:
        throw new UsageError(`unknown option "${argv[i]}"`);
    }
  }
  if (
    options.port !== 0 &&
    options.port < 1 &&
    options.controlPort === undefined
  ) {
    throw new UsageError(
      '--port must be at least 1 unless --control-port is given',
    );
  }
  return options;
}

async function main(): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`kube-simulator: ${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    console.log(usage);
    return 0;
  }
  let simulator: KubeSimulator;
  try {
    simulator = await startKubeSimulator({
      fleet: options.fleet,
      clusters: options.clusters,
      port: options.port,
      httpsPort: options.httpsPort,
      controlPort: options.controlPort,
      host: options.host,
      podReadyDelayMs: options.podReadyDelayMs,
      failureIntervalMs: options.failureIntervalMs,
      logger: options.verbose ? consoleLogger : silentLogger,
    });
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { port?: number };
    if (err.code === 'EADDRINUSE' || err.code === 'EACCES') {
      const port = err.port ?? /:(\d+)$/.exec(err.message)?.[1];
      const why =
        err.code === 'EADDRINUSE'
          ? 'is already in use'
          : 'cannot be opened (permission denied)';
      console.error(
        `kube-simulator: port ${port} ${why}. Stop whatever is using it, or pick another base port with --port (cluster i uses port+i and port+100+i, the control API port-1).`,
      );
      return 1;
    }
    if (err.code === 'EADDRNOTAVAIL') {
      console.error(
        `kube-simulator: cannot listen on ${options.host}: address not available. Use --host 127.0.0.1.`,
      );
      return 1;
    }
    console.error(`kube-simulator: failed to start: ${err.message}`);
    return 1;
  }
  mkdirSync(dirname(options.kubeconfig), { recursive: true });
  await simulator.writeKubeconfig(options.kubeconfig);
  const clusters = simulator.clusters
    .map(c => `${c.name}=${c.url}${c.httpsUrl ? `,${c.httpsUrl}` : ''}`)
    .join(' ');
  console.log(
    `kube-simulator ready: ${clusters}${
      simulator.controlUrl ? ` control=${simulator.controlUrl}` : ''
    } kubeconfig=${options.kubeconfig}`,
  );
  await new Promise<void>(done => {
    const shutdown = () => {
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      done();
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  await simulator.stop();
  return 0;
}

main().then(
  code => process.exit(code),
  error => {
    console.error(`kube-simulator: ${(error as Error)?.message ?? error}`);
    process.exit(1);
  },
);
