import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import { createApp } from './app.ts';
import { createAuditLog } from './audit.ts';
import { createVerifier } from './auth.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { MemoryStore, PgStore, type ResourceStore } from './store.ts';

const config = loadConfig();
const logger = createLogger();
const audit = createAuditLog({
  stream:
    config.auditLog === 'stdout'
      ? process.stdout
      : createWriteStream(config.auditLog, { flags: 'a', mode: 0o600 }),
  service: config.serviceName,
});

let store: ResourceStore;
if (config.database.enabled) {
  const pgStore = new PgStore();
  await pgStore.migrate();
  store = pgStore;
} else {
  logger.info(
    'PGHOST is not set: using the in-memory store (development only, nothing is kept)',
  );
  store = new MemoryStore();
}

const server = createServer(
  { requestTimeout: 30_000, headersTimeout: 10_000 },
  createApp({
    store,
    verify: createVerifier(config.oidc),
    audit,
    logger,
  }),
);
server.listen(config.port, () =>
  logger.info('listening', { port: config.port }),
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  server.close(() => {
    store.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(1), 20_000).unref();
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
