import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { Socket } from 'node:net';
import { TokenGrant } from './Authorizer';
import { Logger } from './Logger';
import { scenarioAnnotation } from './scenarios';
import { SimulatedCluster } from './SimulatedCluster';
import { StatusError } from './Status';
import { decodePathSegment } from './decodePathSegment';

const maxControlBody = 64 * 1024;

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxControlBody) {
        req.destroy();
        reject(
          new StatusError({ code: 413, message: 'control request too large' }),
        );
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) {
        resolve({});
        return;
      }
      try {
        const value = JSON.parse(text);
        if (!value || typeof value !== 'object' || Array.isArray(value))
          throw new Error('expected a JSON object');
        resolve(value);
      } catch (error) {
        reject(
          StatusError.badRequest(
            `invalid JSON body: ${(error as Error).message}`,
          ),
        );
      }
    });
    req.on('error', error => reject(StatusError.badRequest(error.message)));
  });
}

/**
 * The simulator's own control API (JSON over HTTP on a separate port, so
 * it keeps working while a cluster is down): faults, outages, watch drops,
 * history expiry and scenarios. Guarded by an admin token.
 */
export class ControlApi {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private boundPort = 0;

  constructor(
    private readonly options: {
      clusters: SimulatedCluster[];
      tokens: TokenGrant[];
      host: string;
      port: number;
      logger: Logger;
    },
  ) {}

  get url(): string {
    return `http://${this.options.host}:${this.boundPort}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch(error => {
        if (error instanceof StatusError) {
          send(res, error.code, error.toStatus());
          return;
        }
        this.options.logger.error('control request failed', {
          url: req.url,
          error: String(error),
        });
        send(res, 500, StatusError.internal(String(error)).toStatus());
      });
    });
    server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    this.boundPort = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve(
          typeof address === 'object' && address
            ? address.port
            : this.options.port,
        );
      });
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>(resolve => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private describe(cluster: SimulatedCluster) {
    return {
      name: cluster.name,
      up: cluster.isUp,
      url: cluster.url,
      httpsUrl: cluster.httpsUrl,
      faults: { ...cluster.faults },
      openWatches: cluster.openWatchCount,
      resourceVersion: String(cluster.store.resourceVersion),
    };
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname
      .split('/')
      .filter(Boolean)
      .map(decodePathSegment);
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/healthz') {
      send(res, 200, { status: 'ok' });
      return;
    }
    const token = /^Bearer\s+(.+)$/i
      .exec(req.headers.authorization ?? '')?.[1]
      ?.trim();
    const grant = this.options.tokens.find(t => t.token === token);
    if (!grant) throw new StatusError({ code: 401, message: 'Unauthorized' });
    if (grant.role !== 'admin')
      throw new StatusError({
        code: 403,
        message: `User "${grant.user}" cannot use the simulator control API`,
      });
    if (parts[0] !== 'clusters') throw StatusError.noSuchResource();
    if (parts.length === 1 && method === 'GET') {
      send(res, 200, {
        clusters: this.options.clusters.map(c => this.describe(c)),
      });
      return;
    }
    const cluster = this.options.clusters.find(c => c.name === parts[1]);
    if (!cluster)
      throw new StatusError({
        code: 404,
        message: `cluster "${parts[1]}" not found`,
      });
    const action = parts.slice(2).join('/');
    const body =
      method === 'POST' || method === 'PUT' ? await readJson(req) : {};
    switch (`${method} ${action}`) {
      case 'GET ':
        send(res, 200, this.describe(cluster));
        return;
      case 'POST faults':
      case 'PUT faults': {
        if (body.latencyMs !== undefined) {
          if (typeof body.latencyMs !== 'number' || body.latencyMs < 0)
            throw StatusError.badRequest(
              'latencyMs must be a non-negative number',
            );
          cluster.setLatency(body.latencyMs);
        }
        if (body.errorRate !== undefined) {
          if (
            typeof body.errorRate !== 'number' ||
            body.errorRate < 0 ||
            body.errorRate > 1
          )
            throw StatusError.badRequest(
              'errorRate must be a number between 0 and 1',
            );
          cluster.setErrorRate(body.errorRate);
        }
        send(res, 200, this.describe(cluster));
        return;
      }
      case 'DELETE faults':
        cluster.setLatency(0);
        cluster.setErrorRate(0);
        send(res, 200, this.describe(cluster));
        return;
      case 'POST down':
        await cluster.down();
        send(res, 200, this.describe(cluster));
        return;
      case 'POST up':
        await cluster.up();
        send(res, 200, this.describe(cluster));
        return;
      case 'POST drop-watches':
        send(res, 200, { dropped: cluster.dropWatches() });
        return;
      case 'POST expire-history':
        cluster.expireHistory();
        send(res, 200, this.describe(cluster));
        return;
      case 'POST scenarios': {
        const { namespace, kind, name, scenario } = body as Record<
          string,
          unknown
        >;
        if (
          typeof namespace !== 'string' ||
          typeof kind !== 'string' ||
          typeof name !== 'string'
        ) {
          throw StatusError.badRequest(
            'namespace, kind and name are required strings',
          );
        }
        const obj = cluster.setScenario({
          namespace,
          kind,
          name,
          scenario: (scenario ?? null) as never,
        });
        send(res, 200, {
          namespace,
          kind,
          name,
          scenario: obj.metadata.annotations?.[scenarioAnnotation] ?? null,
        });
        return;
      }
      case 'GET scenarios': {
        const scenarios = [];
        for (const type of cluster.registry.all()) {
          if (type.customResource) continue;
          for (const obj of cluster.store.list(type)) {
            const scenario = obj.metadata.annotations?.[scenarioAnnotation];
            if (scenario)
              scenarios.push({
                namespace: obj.metadata.namespace,
                kind: obj.kind,
                name: obj.metadata.name,
                scenario,
              });
          }
        }
        send(res, 200, { scenarios });
        return;
      }
      default:
        throw new StatusError({
          code: 404,
          message: `no control route ${method} /${parts.join('/')}`,
        });
    }
  }
}
