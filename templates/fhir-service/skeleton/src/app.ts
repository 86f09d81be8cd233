import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  AuthenticationError,
  allows,
  type Principal,
  type Verifier,
} from './auth.ts';
import type { AuditAction, AuditLog, AuditOutcome } from './audit.ts';
import {
  describeIssues,
  isResourceType,
  isValidId,
  operationOutcome,
  schemas,
  type ResourceType,
} from './fhir.ts';
import type { Logger } from './logger.ts';
import type { ResourceStore } from './store.ts';

const maxBodyBytes = 1024 * 1024;
const fhirJson = 'application/fhir+json; charset=utf-8';

export interface AppOptions {
  store: ResourceStore;
  verify: Verifier;
  audit: AuditLog;
  logger: Logger;
}

class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly diagnostics?: string[] | string;

  constructor(status: number, code: string, diagnostics?: string[] | string) {
    super(code);
    this.status = status;
    this.code = code;
    this.diagnostics = diagnostics;
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': fhirJson,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(fhir\+)?json\b/.test(type)) {
    throw new HttpError(
      415,
      'not-supported',
      'Content-Type must be application/fhir+json',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) {
      throw new HttpError(
        413,
        'too-costly',
        'request body is larger than 1 MiB',
      );
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'structure', 'request body is not valid JSON');
  }
}

/**
 * The HTTP handler: FHIR R4 read, create and update of Patient and
 * Observation. Every FHIR route needs a verified bearer token and writes one
 * PHI access audit event; /healthz and /readyz do not.
 */
export function createApp(options: AppOptions) {
  const { store, verify, audit, logger } = options;

  async function handleFhir(
    req: IncomingMessage,
    res: ServerResponse,
    segments: string[],
    requestId: string,
  ) {
    const method = req.method ?? 'GET';
    const [type, id] = segments;
    const action: AuditAction =
      method === 'GET' ? 'read' : method === 'POST' ? 'create' : 'update';
    let principal: Principal | undefined;
    let outcome: AuditOutcome = 'error';
    let resourceId: string | null = id ?? null;
    try {
      try {
        principal = await verify(req.headers.authorization);
      } catch (error) {
        if (error instanceof AuthenticationError) {
          outcome = 'unauthenticated';
          throw new HttpError(401, 'login', 'a valid bearer token is required');
        }
        throw error;
      }
      const route =
        (method === 'GET' && segments.length === 2) ||
        (method === 'POST' && segments.length === 1) ||
        (method === 'PUT' && segments.length === 2);
      if (!isResourceType(type) || !route) {
        outcome = 'not-found';
        throw new HttpError(
          404,
          'not-found',
          'unknown resource type or interaction',
        );
      }
      if (id !== undefined && !isValidId(id)) {
        outcome = 'invalid';
        resourceId = null;
        throw new HttpError(400, 'value', 'the id is not a valid FHIR id');
      }
      if (!allows(principal, type, action === 'read' ? 'read' : 'write')) {
        outcome = 'denied';
        throw new HttpError(
          403,
          'forbidden',
          `the token's scopes do not allow ${action} of ${type}`,
        );
      }
      const resourceType: ResourceType = type;
      if (action === 'read') {
        const found = await store.read(resourceType, id!);
        if (!found) {
          outcome = 'not-found';
          throw new HttpError(404, 'not-found', `${type}/${id} does not exist`);
        }
        outcome = 'success';
        send(res, 200, found, { etag: `W/"${found.meta?.versionId ?? '1'}"` });
        return;
      }
      const body = await readJson(req).catch(error => {
        outcome = 'invalid';
        throw error;
      });
      const parsed = schemas[resourceType].safeParse(body);
      if (!parsed.success) {
        outcome = 'invalid';
        throw new HttpError(400, 'invalid', describeIssues(parsed.error));
      }
      if (
        action === 'update' &&
        parsed.data.id !== undefined &&
        parsed.data.id !== id
      ) {
        outcome = 'invalid';
        throw new HttpError(
          400,
          'invalid',
          'the resource id does not match the URL',
        );
      }
      if (action === 'create') {
        const created = await store.create(resourceType, {
          ...parsed.data,
          id: undefined,
        });
        resourceId = created.id ?? null;
        outcome = 'success';
        send(res, 201, created, {
          location: `/${type}/${created.id}/_history/${created.meta?.versionId}`,
        });
        return;
      }
      const updated = await store.update(resourceType, id!, parsed.data);
      if (!updated) {
        outcome = 'not-found';
        throw new HttpError(404, 'not-found', `${type}/${id} does not exist`);
      }
      outcome = 'success';
      send(res, 200, updated, { etag: `W/"${updated.meta?.versionId}"` });
    } finally {
      audit.record({
        subject: principal?.subject ?? null,
        clientId: principal?.clientId ?? null,
        action,
        resourceType: isResourceType(type) ? type : 'unknown',
        resourceId,
        outcome,
        requestId,
        sourceIp: req.socket.remoteAddress ?? null,
      });
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID();
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const segments = url.pathname.split('/').filter(Boolean);
    try {
      if (req.method === 'GET' && url.pathname === '/healthz') {
        send(
          res,
          200,
          { status: 'ok' },
          { 'content-type': 'application/json' },
        );
      } else if (req.method === 'GET' && url.pathname === '/readyz') {
        try {
          await store.ping();
          send(
            res,
            200,
            { status: 'ready' },
            { 'content-type': 'application/json' },
          );
        } catch {
          send(
            res,
            503,
            { status: 'database unavailable' },
            { 'content-type': 'application/json' },
          );
        }
      } else if (url.search !== '') {
        throw new HttpError(400, 'not-supported', 'search is not supported');
      } else if (['GET', 'POST', 'PUT'].includes(req.method ?? '')) {
        await handleFhir(req, res, segments, requestId);
      } else {
        throw new HttpError(405, 'not-supported', 'method not allowed');
      }
    } catch (error) {
      if (error instanceof HttpError) {
        send(
          res,
          error.status,
          operationOutcome(error.code, error.diagnostics),
          {
            ...(error.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
          },
        );
      } else {
        logger.error('request failed', {
          requestId,
          error: error instanceof Error ? error.name : 'unknown',
        });
        send(res, 500, operationOutcome('exception', 'internal error'));
      }
    } finally {
      // Method, status and duration only: paths carry resource ids and are left out.
      if (url.pathname !== '/healthz' && url.pathname !== '/readyz') {
        logger.info('request', {
          requestId,
          method: req.method ?? '',
          status: res.statusCode,
          ms: Date.now() - started,
        });
      }
    }
  };
}
