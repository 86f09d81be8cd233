/**
 * Checks the production bundle outside a container: builds it
 * (`yarn build:backend`), lays it out as packages/backend/Dockerfile does
 * (skeleton, bundle and the two app-config files in one directory), starts
 * it against a real PostgreSQL with app-config.yaml, app-config.production.yaml
 * and test secrets in the environment, and waits for the readiness endpoint.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     packages/backend/src/production/__testUtils__/checkProductionBundle.ts [--no-build]
 *
 * Run directly, it prints one JSON line with the timings and exits 1 with the
 * backend's last log lines when it does not become ready within 90 seconds.
 * `productionBundle.test.ts` runs the same check.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startKubeSimulator } from '@carepath/kube-simulator';
import { startTestPostgres } from '@carepath/test-postgres';
import { stringify } from 'yaml';
import { BackendReplica, freePort } from './BackendReplica';
import { repoRoot } from './renderOverlay';

const run = promisify(execFile);

/** Extracts the bundle and links every installed package the bundle does not carry. */
async function layOut(dir: string): Promise<void> {
  const dist = path.join(repoRoot, 'packages/backend/dist');
  await run('tar', ['xzf', path.join(dist, 'skeleton.tar.gz'), '-C', dir]);
  await run('tar', ['xzf', path.join(dist, 'bundle.tar.gz'), '-C', dir]);
  for (const file of ['app-config.yaml', 'app-config.production.yaml']) {
    await copyFile(path.join(repoRoot, file), path.join(dir, file));
  }
  // The bundle's own workspace packages, by name.
  const bundled = new Map<string, string>();
  for (const parent of ['packages', 'plugins']) {
    for (const entry of await readdir(path.join(dir, parent)).catch(() => [])) {
      const manifest = JSON.parse(
        await readFile(path.join(dir, parent, entry, 'package.json'), 'utf8'),
      ) as { name: string };
      bundled.set(manifest.name, path.join(dir, parent, entry));
    }
  }
  // In the image, `yarn workspaces focus --production` installs the rest;
  // here the repository's installed packages stand in for it.
  const installed = path.join(repoRoot, 'node_modules');
  const modules = path.join(dir, 'node_modules');
  await mkdir(modules);
  for (const entry of await readdir(installed)) {
    if (entry.startsWith('.')) continue;
    if (!entry.startsWith('@')) {
      if (!bundled.has(entry)) {
        await symlink(path.join(installed, entry), path.join(modules, entry));
      }
      continue;
    }
    await mkdir(path.join(modules, entry));
    for (const name of await readdir(path.join(installed, entry))) {
      const full = `${entry}/${name}`;
      await symlink(
        bundled.get(full) ?? path.join(installed, entry, name),
        path.join(modules, entry, name),
      );
    }
  }
  for (const [name, location] of bundled) {
    if (!name.startsWith('@')) {
      await symlink(location, path.join(modules, name)).catch(() => undefined);
    }
  }
}

/** A stand-in identity provider: only its discovery document. */
async function startIdentityProvider(): Promise<{
  url: string;
  stop(): Promise<void>;
}> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `${issuer}/.well-known/openid-configuration`,
    stop: () => new Promise(resolve => server.close(() => resolve())),
  };
}

/** What the check saw; it throws when the bundle does not become ready. */
export interface ProductionBundleCheck {
  buildSeconds: number;
  startToReadySeconds: number;
  readiness: number;
  /** Status of `/`, which serves the built frontend's index.html. */
  frontend: number;
  frontendIsHtml: boolean;
  /** Status of the first JavaScript bundle that index.html loads. */
  frontendScript: number;
  /** Status of guest sign-in, which production must not offer. */
  guestSignIn: number;
}

/** Builds the frontend and the backend bundle, then starts the bundle. */
export async function checkProductionBundle(options: {
  build: boolean;
}): Promise<ProductionBundleCheck> {
  const started = Date.now();
  if (options.build) {
    for (const script of [['workspace', 'app', 'build'], ['build:backend']]) {
      // A production build, whoever runs it: under a test runner NODE_ENV
      // is "test", which selects no browserslist environment.
      await run('yarn', script, {
        cwd: repoRoot,
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 64 * 1024 * 1024,
      });
    }
  }
  const built = Date.now();
  const dir = await mkdtemp(path.join(tmpdir(), 'carepath-bundle-'));
  const postgres = await startTestPostgres();
  const sim = await startKubeSimulator({
    fleet: 'demo',
    clusters: [{ name: 'prod-east' }],
    port: 0,
    controlPort: false,
  });
  const idp = await startIdentityProvider();
  let replica: BackendReplica | undefined;
  try {
    await layOut(dir);
    const port = await freePort();
    const database = new URL(postgres.url);
    // The test PostgreSQL has no TLS; everything else is production's.
    const site = path.join(dir, 'app-config.site.yaml');
    await writeFile(
      site,
      stringify({
        backend: { listen: { port }, database: { connection: { ssl: false } } },
      }),
    );
    const secret = () => randomBytes(24).toString('base64');
    replica = BackendReplica.start({
      name: 'production-bundle',
      port,
      cwd: dir,
      logDir: dir,
      args: [
        '--preserve-symlinks',
        'packages/backend',
        '--config',
        'app-config.yaml',
        '--config',
        'app-config.production.yaml',
        '--config',
        site,
      ],
      env: {
        NODE_ENV: 'production',
        CAREPATH_BASE_URL: `http://127.0.0.1:${port}`,
        POSTGRES_HOST: database.hostname,
        POSTGRES_PORT: database.port,
        POSTGRES_DB: database.pathname.slice(1),
        POSTGRES_USER: decodeURIComponent(database.username),
        POSTGRES_PASSWORD: decodeURIComponent(database.password),
        AUTH_SESSION_SECRET: secret(),
        OIDC_METADATA_URL: idp.url,
        OIDC_CLIENT_ID: 'carepath',
        OIDC_CLIENT_SECRET: secret(),
        CAREPATH_ENVIRONMENT: 'production',
        CAREPATH_CLUSTER_NAME: 'prod-east',
        CAREPATH_CLUSTER_URL: sim.clusters[0].url,
        CAREPATH_FLEET_READ_TOKEN: 'carepath-embedded-readonly',
        CAREPATH_PLATFORM_WRITE_TOKEN: 'carepath-embedded-admin',
        CAREPATH_PLATFORM_DB_URL: postgres.adminUrl,
        CAREPATH_BACKUP_KEY: randomBytes(32).toString('base64'),
      },
    });
    const launched = Date.now();
    await replica.ready(90_000);
    const ready = Date.now();
    const frontend = await fetch(`${replica.url}/`);
    const html = await frontend.text();
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    const frontendScript = script
      ? (await fetch(new URL(script, `${replica.url}/`))).status
      : 0;
    const guest = await fetch(`${replica.url}/api/auth/guest/refresh`);
    return {
      buildSeconds: (built - started) / 1000,
      startToReadySeconds: (ready - launched) / 1000,
      readiness: 200,
      frontend: frontend.status,
      frontendIsHtml: html.includes('<html'),
      frontendScript,
      guestSignIn: guest.status,
    };
  } finally {
    await replica?.stop();
    await idp.stop();
    await sim.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  checkProductionBundle({ build: !process.argv.includes('--no-build') })
    .then(result => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      if (
        result.frontend !== 200 ||
        !result.frontendIsHtml ||
        result.frontendScript !== 200 ||
        result.guestSignIn !== 404
      ) {
        throw new Error(
          'the bundle started but does not serve the frontend, or offers guest sign-in',
        );
      }
    })
    .catch(error => {
      process.stderr.write(
        `${error instanceof Error ? error.message : error}\n`,
      );
      process.exit(1);
    });
}
