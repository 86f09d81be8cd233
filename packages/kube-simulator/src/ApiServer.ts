import { IncomingMessage, ServerResponse } from 'node:http';
import { applyPatch as applyJsonPatch, Operation } from 'fast-json-patch';
import { parse as parseYaml } from 'yaml';
import { applyDefaults, ServiceAddressAllocator } from './applyDefaults';
import { Authorizer, TokenGrant } from './Authorizer';
import { Clock, formatTimestamp } from './Clock';
import { decodeProtobufObject } from './decodeProtobufObject';
import { FieldManager } from './FieldManager';
import { FieldSelector } from './FieldSelector';
import { LabelSelector, LabelSelectorSpec } from './LabelSelector';
import { Logger } from './Logger';
import { ObjectStore, PropagationPolicy } from './ObjectStore';
import { openApiV3Document, openApiV3Root } from './openApiV3';
import { podLogLines } from './podLogs';
import { nodeMetricsFor, podMetricsFor } from './podMetrics';
import { ResourceRegistry } from './ResourceRegistry';
import { ResourceType, groupVersionOf, storageKeyOf } from './ResourceType';
import { StatusError } from './Status';
import { decodePathSegment } from './decodePathSegment';
import { strategicMergePatch } from './strategicMergePatch';
import { IncludeObject, tableFor } from './tableFor';
import {
  JsonObject,
  KubeObject,
  OwnerReference,
  WatchEventType,
} from './types';
import { validateObject } from './validateObject';
import { StoredEvent, WatchHub } from './WatchHub';

/** Faults injected into every request of a cluster; changed at run time. */
export interface FaultSettings {
  latencyMs: number;
  errorRate: number;
}

/** What the API server serves from. */
export interface ApiServerOptions {
  clusterName: string;
  store: ObjectStore;
  registry: ResourceRegistry;
  hub: WatchHub;
  authorizer: Authorizer;
  clock: Clock;
  faults: FaultSettings;
  allocator: ServiceAddressAllocator;
  bookmarkIntervalMs: number;
  maxBodyBytes: number;
  logger: Logger;
  random?: () => number;
  /** Delay for fault latency; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
}

interface ResourceRequest {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

interface ContinueToken {
  rv: number;
  ns: string;
  name: string;
}

const noCache = { 'Cache-Control': 'no-cache, private' };

const versionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-kube-simulator',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** gnostic openapi_v2.Document { swagger: "2.0", info: { title, version }, paths: {} }. */
const emptySwaggerProto = (() => {
  const str = (field: number, text: string) =>
    Buffer.concat([
      Buffer.from([(field << 3) | 2, Buffer.byteLength(text)]),
      Buffer.from(text),
    ]);
  const info = Buffer.concat([str(1, 'Kubernetes'), str(2, 'v1.32.0')]);
  return Buffer.concat([
    str(1, '2.0'),
    Buffer.from([(2 << 3) | 2, info.length]),
    info,
    Buffer.from([(8 << 3) | 2, 0]),
  ]);
})();

/** A delay that never keeps the process alive on its own. */
function unrefSleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms).unref());
}

function sendJson(res: ServerResponse, code: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...noCache,
  });
  res.end(text);
}

function compareKeys(
  ans: string,
  aname: string,
  bns: string,
  bname: string,
): number {
  if (ans !== bns) return ans < bns ? -1 : 1;
  if (aname === bname) return 0;
  return aname < bname ? -1 : 1;
}

function encodeContinue(token: ContinueToken): string {
  return Buffer.from(
    JSON.stringify({
      v: 'meta.k8s.io/v1',
      rv: token.rv,
      start: `${token.ns}/${token.name}\u0000`,
    }),
  ).toString('base64');
}

function decodeContinue(text: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as {
      rv?: unknown;
      start?: unknown;
    };
    if (typeof parsed.rv !== 'number' || typeof parsed.start !== 'string')
      throw new Error('missing fields');
    const start = parsed.start.endsWith('\u0000')
      ? parsed.start.slice(0, -1)
      : parsed.start;
    const slash = start.indexOf('/');
    return {
      rv: parsed.rv,
      ns: start.slice(0, slash),
      name: start.slice(slash + 1),
    };
  } catch (error) {
    throw StatusError.badRequest(
      `continue key is not valid: ${(error as Error).message}`,
    );
  }
}

/** The meta fields of a `Table` request in the Accept header. */
function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '');
}

/**
 * The Kubernetes REST API of one simulated cluster: discovery, CRUD,
 * list paging, watch, patch flavours, server-side apply, subresources,
 * tables, authentication and fault injection.
 */
export class ApiServer {
  private readonly openWatches = new Set<ServerResponse>();
  private readonly fieldManagers = {
    builtin: new FieldManager({ keyedLists: true }),
    custom: new FieldManager({ keyedLists: false }),
  };

  constructor(private readonly options: ApiServerOptions) {}

  /** Ends all open watch connections abruptly, as a network blip would. */
  dropWatches(): number {
    const count = this.openWatches.size;
    for (const res of this.openWatches) {
      res.destroy();
    }
    this.openWatches.clear();
    return count;
  }

  get watchCount(): number {
    return this.openWatches.size;
  }

  /** The Node HTTP request listener. */
  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch(error => {
      this.fail(res, error, req);
    });
  };

  private fail(
    res: ServerResponse,
    error: unknown,
    req: IncomingMessage,
  ): void {
    if (error instanceof StatusError) {
      sendJson(res, error.code, error.toStatus());
      return;
    }
    this.options.logger.error('request failed', {
      cluster: this.options.clusterName,
      method: req.method,
      url: req.url,
      error: String((error as Error)?.stack ?? error),
    });
    sendJson(
      res,
      500,
      StatusError.internal(
        String((error as Error)?.message ?? error),
      ).toStatus(),
    );
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const { faults } = this.options;
    if (faults.latencyMs > 0) {
      await (this.options.sleep ?? unrefSleep)(faults.latencyMs);
    }
    if (
      faults.errorRate > 0 &&
      (this.options.random ?? Math.random)() < faults.errorRate
    ) {
      req.resume();
      throw new StatusError({
        code: 500,
        message:
          'Internal error occurred: injected fault (kube-simulator error rate)',
        reason: 'InternalError',
      });
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const segments = url.pathname
      .split('/')
      .filter(Boolean)
      .map(decodePathSegment);
    const method = req.method ?? 'GET';

    // Public, unauthenticated endpoints (system:public-info-viewer).
    if (
      method === 'GET' &&
      segments.length === 1 &&
      ['healthz', 'livez', 'readyz'].includes(segments[0])
    ) {
      res.writeHead(200, {
        'Content-Type': 'text/plain; charset=utf-8',
        ...noCache,
      });
      res.end('ok');
      return;
    }
    if (method === 'GET' && url.pathname === '/version') {
      sendJson(res, 200, versionInfo);
      return;
    }

    const grant = this.options.authorizer.authenticate(
      req.headers.authorization,
    );

    if (method === 'GET' && segments[0] === 'openapi' && segments[1] === 'v3') {
      const registry = this.options.registry;
      if (segments.length === 2) {
        sendJson(res, 200, openApiV3Root(registry));
        return;
      }
      const isCoreDoc = segments[2] === 'api';
      const doc = isCoreDoc
        ? openApiV3Document(registry, '', segments[3] ?? '')
        : openApiV3Document(registry, segments[3] ?? '', segments[4] ?? '');
      if (!doc) throw StatusError.noSuchResource();
      sendJson(res, 200, doc);
      return;
    }
    if (method === 'GET' && url.pathname === '/openapi/v2') {
      // An empty Swagger 2.0 document in protobuf, the form kubectl asks
      // for: it then finds no schema for a kind and skips client-side
      // validation, as with a kind the server does not know.
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': emptySwaggerProto.length,
        ...noCache,
      });
      res.end(emptySwaggerProto);
      return;
    }
    if (segments[0] !== 'api' && segments[0] !== 'apis') {
      throw StatusError.noSuchResource();
    }
    const registry = this.options.registry;
    const isCore = segments[0] === 'api';
    if (method === 'GET') {
      if (isCore && segments.length === 1) {
        sendJson(
          res,
          200,
          registry.coreVersions(req.headers.host ?? '127.0.0.1'),
        );
        return;
      }
      if (!isCore && segments.length === 1) {
        sendJson(res, 200, registry.groupList());
        return;
      }
      if (!isCore && segments.length === 2) {
        const group = registry.group(segments[1]);
        if (!group) throw StatusError.noSuchResource();
        sendJson(res, 200, group);
        return;
      }
      if (
        (isCore && segments.length === 2) ||
        (!isCore && segments.length === 3)
      ) {
        const list = isCore
          ? registry.resourceList('', segments[1])
          : registry.resourceList(segments[1], segments[2]);
        if (!list) throw StatusError.noSuchResource();
        sendJson(res, 200, list);
        return;
      }
    }
    const request = this.parseResourcePath(segments);
    await this.serveResource(req, res, url, request, grant);
  }

  private parseResourcePath(segments: string[]): ResourceRequest {
    const registry = this.options.registry;
    const isCore = segments[0] === 'api';
    const group = isCore ? '' : segments[1];
    const version = isCore ? segments[1] : segments[2];
    let rest = segments.slice(isCore ? 2 : 3);
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const inner = registry.find(group, version, rest[2]);
      if (inner?.namespaced) {
        namespace = rest[1];
        rest = rest.slice(2);
      }
    }
    if (rest.length === 0 || rest.length > 3)
      throw StatusError.noSuchResource();
    const type = registry.find(group, version, rest[0]);
    if (!type) throw StatusError.noSuchResource();
    const subresource = rest[2];
    if (subresource !== undefined) {
      const allowed =
        (subresource === 'status' && type.statusSubresource) ||
        (subresource === 'scale' && type.scaleSubresource) ||
        (subresource === 'log' && type.plural === 'pods' && !type.group) ||
        (subresource === 'eviction' && type.plural === 'pods' && !type.group);
      if (!allowed) throw StatusError.noSuchResource();
    }
    if (!type.namespaced && namespace !== undefined)
      throw StatusError.noSuchResource();
    return { type, namespace, name: rest[1], subresource };
  }

  private verbOf(method: string, request: ResourceRequest, url: URL): string {
    const watch = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
    switch (method) {
      case 'GET':
        if (request.name) return watch ? 'watch' : 'get';
        return watch ? 'watch' : 'list';
      case 'POST':
        if (request.subresource === 'eviction') return 'create';
        return request.name ? '' : 'create';
      case 'PUT':
        return request.name ? 'update' : '';
      case 'PATCH':
        return request.name ? 'patch' : '';
      case 'DELETE':
        return request.name ? 'delete' : 'deletecollection';
      default:
        return '';
    }
  }

  private async serveResource(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    request: ResourceRequest,
    grant: TokenGrant,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const verb = this.verbOf(method, request, url);
    if (
      !verb ||
      (request.subresource &&
        !['get', 'update', 'patch'].includes(verb) &&
        !(request.subresource === 'eviction' && verb === 'create'))
    ) {
      req.resume();
      throw new StatusError({
        code: 405,
        message: `the server does not allow this method on the requested resource`,
        details: {},
      });
    }
    const { type } = request;
    if (!type.verbs.includes(verb)) {
      req.resume();
      throw new StatusError({
        code: 405,
        message:
          'the server does not allow this method on the requested resource',
        details: {},
      });
    }
    // Every authenticated user may ask what it may do.
    if (
      type.kind !== 'SelfSubjectAccessReview' &&
      type.kind !== 'SelfSubjectReview'
    ) {
      this.options.authorizer.authorize({
        grant,
        verb,
        resource: type.plural,
        subresource: request.subresource,
        group: type.group,
        namespace: request.namespace,
        name: request.name,
        namespaced: type.namespaced,
      });
    }
    const dryRunParam = url.searchParams.getAll('dryRun');
    if (dryRunParam.some(v => v !== 'All')) {
      throw StatusError.badRequest(
        `Invalid dry run value: ${dryRunParam.join(
          ',',
        )}; supported values: "All"`,
      );
    }
    const dryRun = dryRunParam.length > 0;
    if (type.group === 'metrics.k8s.io') {
      this.serveMetrics(res, url, request);
      return;
    }
    switch (verb) {
      case 'get':
        this.serveGet(req, res, url, request);
        return;
      case 'list':
        this.serveList(req, res, url, request);
        return;
      case 'watch':
        this.serveWatch(req, res, url, request);
        return;
      default:
        break;
    }
    const body = await this.readBody(req, res);
    const manager =
      url.searchParams.get('fieldManager') ??
      (req.headers['user-agent'] ?? 'unknown').split('/')[0];
    switch (verb) {
      case 'create':
        if (request.subresource === 'eviction') {
          this.evict(res, request, body, req, dryRun);
          return;
        }
        if (request.type.kind === 'SelfSubjectReview') {
          // `kubectl auth whoami`
          const groups =
            grant.role === 'admin'
              ? ['system:masters', 'system:authenticated']
              : ['system:authenticated'];
          sendJson(res, 201, {
            kind: 'SelfSubjectReview',
            apiVersion: 'authentication.k8s.io/v1',
            metadata: {},
            status: { userInfo: { username: grant.user, groups } },
          });
          return;
        }
        if (request.type.kind === 'SelfSubjectAccessReview') {
          sendJson(
            res,
            201,
            this.review(this.decodeObject(body, req, request), grant),
          );
          return;
        }
        sendJson(
          res,
          201,
          this.create(request, this.decodeObject(body, req, request), {
            dryRun,
            manager,
          }),
        );
        return;
      case 'update':
        this.serveUpdate(res, request, this.decodeObject(body, req, request), {
          dryRun,
          manager,
        });
        return;
      case 'patch':
        this.servePatch(req, res, url, request, body, { dryRun, manager });
        return;
      case 'delete':
        this.serveDelete(res, url, request, body, dryRun);
        return;
      default:
        this.serveDeleteCollection(res, url, request, dryRun);
    }
  }

  /**
   * `pods/eviction` (kubectl drain): deletes the pod unless a
   * PodDisruptionBudget covering it allows no disruption, which answers 429
   * as the real API does, so clients retry.
   */
  private evict(
    res: ServerResponse,
    request: ResourceRequest,
    body: Buffer,
    req: IncomingMessage,
    dryRun: boolean,
  ): void {
    const { store } = this.options;
    const contentType = String(
      req.headers['content-type'] ?? 'application/json',
    );
    if (body.length > 0) {
      // Validates the body (an Eviction); its delete options are not needed.
      if (contentType.startsWith('application/vnd.kubernetes.protobuf'))
        decodeProtobufObject(body);
      else this.parseBody(body, contentType);
    }
    const pod = this.existing(request);
    for (const pdb of store.list(
      'policy/poddisruptionbudgets',
      request.namespace,
    )) {
      const selector = LabelSelector.fromSpec(
        (pdb.spec as { selector?: LabelSelectorSpec }).selector,
      );
      if (!selector.matches(pod.metadata.labels)) continue;
      const status = (pdb.status ?? {}) as {
        disruptionsAllowed?: number;
        desiredHealthy?: number;
        currentHealthy?: number;
      };
      if ((status.disruptionsAllowed ?? 0) < 1) {
        throw new StatusError({
          code: 429,
          reason: 'TooManyRequests',
          message:
            "Cannot evict pod as it would violate the pod's disruption budget.",
          details: {
            causes: [
              {
                reason: 'DisruptionBudget',
                message: `The disruption budget ${pdb.metadata.name} needs ${
                  status.desiredHealthy ?? 0
                } healthy pods and has ${status.currentHealthy ?? 0} currently`,
              },
            ],
          },
        });
      }
    }
    store.delete(request.type, request.namespace, pod.metadata.name ?? '', {
      dryRun,
    });
    sendJson(res, 201, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      code: 201,
    });
  }

  /** `kubectl auth can-i`: answers from the token model, stores nothing. */
  private review(obj: KubeObject, grant: TokenGrant): KubeObject {
    const spec = (obj.spec ?? {}) as {
      resourceAttributes?: {
        namespace?: string;
        verb?: string;
        group?: string;
        resource?: string;
        subresource?: string;
        name?: string;
      };
      nonResourceAttributes?: { path?: string; verb?: string };
    };
    const attrs = spec.resourceAttributes;
    let allowed: boolean;
    let reason = '';
    if (attrs) {
      const type = this.options.registry
        .all()
        .find(
          t => t.plural === attrs.resource && t.group === (attrs.group ?? ''),
        );
      try {
        this.options.authorizer.authorize({
          grant,
          verb: attrs.verb ?? 'get',
          resource: attrs.resource ?? '',
          subresource: attrs.subresource,
          group: attrs.group ?? '',
          namespace: attrs.namespace,
          name: attrs.name,
          namespaced: type?.namespaced ?? Boolean(attrs.namespace),
        });
        allowed = true;
      } catch (error) {
        allowed = false;
        reason = (error as Error).message;
      }
    } else {
      allowed =
        grant.role === 'admin' ||
        ['get', 'head'].includes(spec.nonResourceAttributes?.verb ?? 'get');
    }
    return {
      ...obj,
      metadata: { ...obj.metadata, creationTimestamp: undefined },
      status: { allowed, ...(allowed || !reason ? {} : { reason }) },
    };
  }

  private readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer> {
    const limit = this.options.maxBodyBytes;
    const tooLarge = () =>
      new StatusError({
        code: 413,
        message: `Request entity too large: limit is ${limit}`,
      });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      res.setHeader('Connection', 'close');
      res.once('finish', () => req.destroy());
      return Promise.reject(tooLarge());
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > limit) {
          done = true;
          // Stop reading: answer now and close the connection afterwards.
          req.pause();
          res.setHeader('Connection', 'close');
          res.once('finish', () => req.destroy());
          reject(tooLarge());
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => {
        if (!done) {
          done = true;
          resolve(Buffer.concat(chunks));
        }
      });
      req.on('error', error => {
        if (!done) {
          done = true;
          reject(
            StatusError.badRequest(
              `error reading request body: ${error.message}`,
            ),
          );
        }
      });
    });
  }

  private parseBody(body: Buffer, contentType: string): unknown {
    const text = body.toString('utf8');
    if (!text.trim()) {
      throw StatusError.badRequest('the body of the request was empty');
    }
    if (/yaml/.test(contentType)) {
      try {
        return parseYaml(text);
      } catch (error) {
        throw StatusError.badRequest(
          `error converting YAML to JSON: ${
            (error as Error).message.split('\n')[0]
          }`,
        );
      }
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw StatusError.badRequest(
        `couldn't get version/kind; json parse error: ${
          (error as Error).message
        }`,
      );
    }
  }

  private decodeObject(
    body: Buffer,
    req: IncomingMessage,
    request: ResourceRequest,
  ): KubeObject {
    const contentType = String(
      req.headers['content-type'] ?? 'application/json',
    );
    if (contentType.startsWith('application/vnd.kubernetes.protobuf')) {
      return this.checkObjectShape(decodeProtobufObject(body), request);
    }
    if (!/json|yaml/.test(contentType)) {
      throw new StatusError({
        code: 415,
        message: `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
      });
    }
    const value = this.parseBody(body, contentType);
    return this.checkObjectShape(value, request);
  }

  private checkObjectShape(
    value: unknown,
    request: ResourceRequest,
  ): KubeObject {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw StatusError.badRequest(
        `couldn't get version/kind; json parse error: json: cannot unmarshal ${
          Array.isArray(value) ? 'array' : typeof value
        } into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
      );
    }
    const obj = value as KubeObject;
    if (request.subresource === 'scale') {
      return obj;
    }
    if (!obj.kind) {
      throw StatusError.badRequest(
        `Object 'Kind' is missing in '${JSON.stringify(obj).slice(0, 200)}'`,
      );
    }
    const expected = groupVersionOf(request.type);
    if (obj.apiVersion !== expected || obj.kind !== request.type.kind) {
      throw StatusError.badRequest(
        `the API version in the data (${
          obj.apiVersion ?? ''
        }) does not match the expected API version (${expected})`.concat(
          obj.kind !== request.type.kind
            ? ` or kind (${obj.kind}) does not match ${request.type.kind}`
            : '',
        ),
      );
    }
    if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
    return obj;
  }

  private checkNamespace(obj: KubeObject, request: ResourceRequest): void {
    if (!request.type.namespaced) return;
    if (
      obj.metadata.namespace &&
      request.namespace &&
      obj.metadata.namespace !== request.namespace
    ) {
      throw StatusError.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    const ns = obj.metadata.namespace ?? request.namespace;
    if (!ns) {
      throw StatusError.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    obj.metadata.namespace = ns;
  }

  private fieldManagerFor(type: ResourceType): FieldManager {
    return type.customResource
      ? this.fieldManagers.custom
      : this.fieldManagers.builtin;
  }

  private now(): string {
    return formatTimestamp(this.options.clock.now());
  }

  private prepare(obj: KubeObject, request: ResourceRequest): void {
    validateObject(request.type, obj);
    if (!request.type.customResource)
      applyDefaults(obj, this.options.allocator);
  }

  /** POST: create. */
  private create(
    request: ResourceRequest,
    obj: KubeObject,
    opts: { dryRun: boolean; manager: string },
  ): KubeObject {
    this.checkNamespace(obj, request);
    this.prepare(obj, request);
    obj.metadata.managedFields = this.fieldManagerFor(
      request.type,
    ).recordUpdate({
      previous: undefined,
      next: obj,
      manager: opts.manager,
      apiVersion: groupVersionOf(request.type),
      time: this.now(),
    });
    return this.options.store.create(request.type, obj, {
      dryRun: opts.dryRun,
    });
  }

  private existing(request: ResourceRequest): KubeObject {
    const obj = this.options.store.get(
      request.type,
      request.namespace,
      request.name ?? '',
    );
    if (!obj)
      throw StatusError.notFound(
        request.type.plural,
        request.name ?? '',
        request.type.group,
      );
    return obj;
  }

  private serveUpdate(
    res: ServerResponse,
    request: ResourceRequest,
    obj: KubeObject,
    opts: { dryRun: boolean; manager: string },
  ): void {
    if (request.subresource === 'scale') {
      sendJson(res, 200, this.writeScale(request, obj, opts.dryRun));
      return;
    }
    if (obj.metadata.name && obj.metadata.name !== request.name) {
      throw StatusError.badRequest(
        `the name of the object (${obj.metadata.name}) does not match the name on the URL (${request.name})`,
      );
    }
    obj.metadata.name = request.name;
    this.checkNamespace(obj, request);
    const previous = this.existing(request);
    sendJson(res, 200, this.update(request, previous, obj, opts));
  }

  private update(
    request: ResourceRequest,
    previous: KubeObject,
    obj: KubeObject,
    opts: { dryRun: boolean; manager: string; managedFields?: boolean },
  ): KubeObject {
    this.prepare(obj, request);
    if (opts.managedFields !== false) {
      obj.metadata.managedFields = this.fieldManagerFor(
        request.type,
      ).recordUpdate({
        previous,
        next: obj,
        manager: opts.manager,
        apiVersion: groupVersionOf(request.type),
        time: this.now(),
        subresource: request.subresource,
      });
    }
    return this.options.store.update(request.type, obj, {
      dryRun: opts.dryRun,
      subresource: request.subresource === 'status' ? 'status' : undefined,
    });
  }

  private servePatch(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    request: ResourceRequest,
    body: Buffer,
    opts: { dryRun: boolean; manager: string },
  ): void {
    const contentType = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const { type } = request;
    const supported = [
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/apply-patch+yaml',
      'application/apply-patch+cbor',
    ];
    if (type.strategicMerge)
      supported.push('application/strategic-merge-patch+json');
    if (
      !supported.includes(contentType) ||
      contentType === 'application/apply-patch+cbor'
    ) {
      throw new StatusError({
        code: 415,
        message: `the body of the request was in an unknown format - accepted media types include: ${supported
          .filter(s => !s.includes('cbor'))
          .join(', ')}`,
      });
    }
    if (contentType === 'application/apply-patch+yaml') {
      this.serveApply(res, url, request, body, opts);
      return;
    }
    const previous = this.existing(request);
    let patch: unknown;
    try {
      patch = JSON.parse(body.toString('utf8') || 'null');
    } catch (error) {
      throw StatusError.badRequest(
        `error decoding patch: ${(error as Error).message}`,
      );
    }
    const base: JsonObject =
      request.subresource === 'scale'
        ? (this.scaleOf(request.type, previous) as unknown as JsonObject)
        : (previous as unknown as JsonObject);
    let patched: JsonObject;
    if (contentType === 'application/json-patch+json') {
      if (!Array.isArray(patch)) {
        throw StatusError.badRequest(
          'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
        );
      }
      try {
        patched = applyJsonPatch(
          structuredClone(base),
          patch as Operation[],
          true,
          false,
        ).newDocument;
      } catch (error) {
        throw new StatusError({
          code: 422,
          message: `the server rejected our request due to an error in our request: ${
            (error as Error).message.split('\n')[0]
          }`,
          reason: 'Invalid',
        });
      }
    } else {
      if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
        throw StatusError.badRequest(
          'error decoding patch: a merge patch must be a JSON object',
        );
      }
      patched =
        contentType === 'application/merge-patch+json'
          ? mergePatch(base, patch as JsonObject)
          : strategicMergePatch(base, patch as JsonObject);
    }
    const obj = patched as unknown as KubeObject;
    if (request.subresource === 'scale') {
      sendJson(res, 200, this.writeScale(request, obj, opts.dryRun));
      return;
    }
    if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
    if (
      obj.metadata.name !== request.name ||
      (type.namespaced && obj.metadata.namespace !== request.namespace)
    ) {
      throw StatusError.badRequest(
        'metadata.name and metadata.namespace cannot be changed by a patch',
      );
    }
    if (obj.apiVersion !== previous.apiVersion || obj.kind !== previous.kind) {
      throw StatusError.badRequest(
        'apiVersion and kind cannot be changed by a patch',
      );
    }
    sendJson(res, 200, this.update(request, previous, obj, opts));
  }

  private serveApply(
    res: ServerResponse,
    url: URL,
    request: ResourceRequest,
    body: Buffer,
    opts: { dryRun: boolean; manager: string },
  ): void {
    const manager = url.searchParams.get('fieldManager');
    if (!manager) {
      throw StatusError.badRequest(
        'PATCH /apply-patch: fieldManager is required for apply requests',
      );
    }
    const forceParam = url.searchParams.get('force');
    const force = forceParam === 'true' || forceParam === '1';
    const config = this.checkObjectShape(this.parseBody(body, 'yaml'), {
      ...request,
      subresource: undefined,
    });
    if (config.metadata.name && config.metadata.name !== request.name) {
      throw StatusError.badRequest(
        `the name of the object (${config.metadata.name}) does not match the name on the URL (${request.name})`,
      );
    }
    config.metadata.name = request.name;
    if (request.type.namespaced) {
      this.checkNamespace(config, request);
    }
    const live = this.options.store.get(
      request.type,
      request.namespace,
      request.name ?? '',
    );
    if (request.subresource === 'status' && !live) {
      throw StatusError.notFound(
        request.type.plural,
        request.name ?? '',
        request.type.group,
      );
    }
    const applied = this.fieldManagerFor(request.type).apply({
      live,
      config,
      manager,
      force,
      apiVersion: groupVersionOf(request.type),
      time: this.now(),
    });
    if (!live) {
      this.prepare(applied, request);
      sendJson(
        res,
        201,
        this.options.store.create(request.type, applied, {
          dryRun: opts.dryRun,
        }),
      );
      return;
    }
    applied.metadata.resourceVersion = config.metadata.resourceVersion;
    sendJson(
      res,
      200,
      this.update(request, live, applied, {
        dryRun: opts.dryRun,
        manager,
        managedFields: false,
      }),
    );
  }

  private scaleOf(
    type: ResourceType,
    obj: KubeObject,
  ): Record<string, unknown> {
    const spec = (obj.spec ?? {}) as {
      replicas?: number;
      selector?: { matchLabels?: Record<string, string> };
    };
    const status = (obj.status ?? {}) as { replicas?: number };
    const selector = Object.entries(spec.selector?.matchLabels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        creationTimestamp: obj.metadata.creationTimestamp,
      },
      spec: {
        replicas: type.customResource
          ? readPath(obj, type.scaleSubresource?.specReplicasPath) ?? 0
          : spec.replicas ?? 1,
      },
      status: {
        replicas: type.customResource
          ? readPath(obj, type.scaleSubresource?.statusReplicasPath) ?? 0
          : status.replicas ?? 0,
        ...(selector ? { selector } : {}),
      },
    };
  }

  private writeScale(
    request: ResourceRequest,
    scale: KubeObject,
    dryRun: boolean,
  ): Record<string, unknown> {
    const previous = this.existing(request);
    const replicas = (scale.spec as { replicas?: unknown } | undefined)
      ?.replicas;
    if (
      typeof replicas !== 'number' ||
      replicas < 0 ||
      !Number.isInteger(replicas)
    ) {
      throw StatusError.invalid({
        kind: 'Scale',
        group: 'autoscaling',
        name: request.name ?? '',
        causes: [
          {
            reason: 'FieldValueInvalid',
            field: 'spec.replicas',
            message: `Invalid value: ${JSON.stringify(
              replicas,
            )}: must be greater than or equal to 0`,
          },
        ],
      });
    }
    const rv = scale.metadata?.resourceVersion;
    if (rv && rv !== previous.metadata.resourceVersion) {
      throw StatusError.conflict(
        request.type.plural,
        request.name ?? '',
        request.type.group,
      );
    }
    const next = structuredClone(previous);
    const path =
      request.type.scaleSubresource?.specReplicasPath ?? '.spec.replicas';
    writePath(next, path, replicas);
    const stored = this.options.store.update(request.type, next, { dryRun });
    return this.scaleOf(request.type, stored);
  }

  private serveGet(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    request: ResourceRequest,
  ): void {
    const obj = this.existing(request);
    if (request.subresource === 'log') {
      this.serveLog(req, res, url, obj);
      return;
    }
    if (request.subresource === 'scale') {
      sendJson(res, 200, this.scaleOf(request.type, obj));
      return;
    }
    if (wantsTable(req.headers.accept)) {
      sendJson(
        res,
        200,
        tableFor({
          type: request.type,
          objects: [obj],
          includeObject:
            (url.searchParams.get('includeObject') as IncludeObject) ??
            'Metadata',
          now: this.options.clock.now(),
          listMeta: { resourceVersion: obj.metadata.resourceVersion },
        }),
      );
      return;
    }
    sendJson(res, 200, this.options.store.json(obj));
  }

  /** metrics.k8s.io: usage computed from the pods, as metrics-server reports it. */
  private serveMetrics(
    res: ServerResponse,
    url: URL,
    request: ResourceRequest,
  ): void {
    const { store, clock } = this.options;
    const now = clock.now();
    const labels = LabelSelector.parse(url.searchParams.get('labelSelector'));
    const scenarioOf = (pod: KubeObject): string | undefined => {
      const own = pod.metadata.annotations?.['carepath.io/simulate'];
      if (own) return own;
      let owner: KubeObject | undefined = pod;
      for (let depth = 0; depth < 2 && owner; depth++) {
        const ref: OwnerReference | undefined =
          owner.metadata.ownerReferences?.find(r => r.controller);
        const ownerType: ResourceType | undefined = ref
          ? this.options.registry.findByKind(ref.apiVersion, ref.kind)
          : undefined;
        owner =
          ownerType && ref
            ? store.get(ownerType, pod.metadata.namespace, ref.name)
            : undefined;
        const found = owner?.metadata.annotations?.['carepath.io/simulate'];
        if (found) return found;
      }
      return undefined;
    };
    const podMetrics = (namespace?: string) =>
      store
        .list('/pods', namespace)
        .filter(p => labels.matches(p.metadata.labels))
        .map(p => podMetricsFor(p, { now, scenario: scenarioOf(p) }))
        .filter((m): m is KubeObject => Boolean(m));
    let items: KubeObject[];
    if (request.type.plural === 'pods') {
      items = podMetrics(request.namespace);
      if (request.name)
        items = items.filter(m => m.metadata.name === request.name);
    } else {
      const all = podMetrics();
      items = store
        .list('/nodes')
        .filter(n => !request.name || n.metadata.name === request.name)
        .map(node =>
          nodeMetricsFor(
            node,
            all.filter(m => {
              const pod = store.get(
                '/pods',
                m.metadata.namespace,
                m.metadata.name ?? '',
              );
              return (
                (pod?.spec as { nodeName?: string } | undefined)?.nodeName ===
                node.metadata.name
              );
            }),
            now,
          ),
        );
    }
    if (request.name) {
      if (!items[0])
        throw StatusError.notFound(
          `${request.type.plural}.metrics.k8s.io`,
          request.name,
        );
      sendJson(res, 200, items[0]);
      return;
    }
    sendJson(res, 200, {
      kind: request.type.listKind,
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: {},
      items,
    });
  }

  /** `pods/log`: synthesised container output, optionally followed. */
  private serveLog(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    pod: KubeObject,
  ): void {
    const { clock, store } = this.options;
    const params = url.searchParams;
    const container = params.get('container') ?? undefined;
    const previous = params.get('previous') === 'true';
    const withTimestamps = params.get('timestamps') === 'true';
    const tail = params.has('tailLines')
      ? Math.max(0, Number(params.get('tailLines')))
      : undefined;
    const now = clock.now();
    const started = Date.parse(pod.metadata.creationTimestamp ?? '') || now;
    const total = Math.min(
      500,
      Math.max(3, Math.floor((now - started) / 2000) + 1),
    );
    const count = tail === undefined ? total : Math.min(total, tail);
    const format = (lines: string[], times: number[]) =>
      lines
        .map((line, i) =>
          withTimestamps
            ? `${new Date(times[i])
                .toISOString()
                .replace('Z', '000000Z')} ${line}\n`
            : `${line}\n`,
        )
        .join('');
    const first = podLogLines({
      pod,
      container,
      previous,
      count,
      now,
      from: total - count,
    });
    res.writeHead(200, {
      'Content-Type': 'text/plain',
      'Transfer-Encoding': 'chunked',
      ...noCache,
    });
    res.write(format(first.lines, first.timestamps));
    if (params.get('follow') !== 'true' || previous) {
      res.end();
      return;
    }
    let next = total;
    let timer: ReturnType<Clock['setTimeout']> | undefined;
    const stop = () => {
      if (timer) clock.clearTimeout(timer);
      this.openWatches.delete(res);
    };
    const tick = () => {
      const current = store.get(
        '/pods',
        pod.metadata.namespace,
        pod.metadata.name ?? '',
      );
      if (!current || current.metadata.uid !== pod.metadata.uid) {
        res.end();
        stop();
        return;
      }
      try {
        const more = podLogLines({
          pod: current,
          container,
          count: 1,
          now: clock.now(),
          from: next++,
        });
        res.write(format(more.lines, more.timestamps));
        timer = clock.setTimeout(tick, 2000);
      } catch (error) {
        // The container stopped running: the real log stream ends too.
        this.options.logger.info('log follow ended', {
          pod: pod.metadata.name,
          reason: (error as Error).message,
        });
        res.end();
        stop();
      }
    };
    this.openWatches.add(res);
    res.on('close', stop);
    req.on('close', stop);
    timer = clock.setTimeout(tick, 2000);
  }

  private selectorsOf(
    url: URL,
    type: ResourceType,
  ): { labels: LabelSelector; fields: FieldSelector } {
    return {
      labels: LabelSelector.parse(url.searchParams.get('labelSelector')),
      fields: FieldSelector.parse(
        url.searchParams.get('fieldSelector'),
        type.plural,
      ),
    };
  }

  private serveList(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    request: ResourceRequest,
  ): void {
    const { store, hub } = this.options;
    const { type } = request;
    const { labels, fields } = this.selectorsOf(url, type);
    const limitParam = url.searchParams.get('limit');
    const limit = limitParam ? Number(limitParam) : 0;
    if (!Number.isFinite(limit) || limit < 0)
      throw StatusError.badRequest(`invalid limit: ${limitParam}`);
    const continueParam = url.searchParams.get('continue');
    const rvParam = url.searchParams.get('resourceVersion');
    if (rvParam && rvParam !== '0' && !continueParam) {
      if (!/^\d+$/.test(rvParam)) {
        throw StatusError.badRequest(
          `resourceVersion: Invalid value: "${rvParam}": must be a non-negative integer`,
        );
      }
      // Lists always serve the latest state; a version from the future or,
      // for Exact, one that is no longer retained, is refused as the real
      // server does.
      if (Number(rvParam) > store.resourceVersion) {
        throw new StatusError({
          code: 504,
          reason: 'Timeout',
          message: `Timeout: Too large resource version: ${rvParam}, current: ${store.resourceVersion}`,
          details: {
            causes: [
              {
                reason: 'ResourceVersionTooLarge',
                message: 'Too large resource version',
              },
            ],
            retryAfterSeconds: 1,
          },
        });
      }
      if (
        url.searchParams.get('resourceVersionMatch') === 'Exact' &&
        !hub.isAvailable(Number(rvParam))
      ) {
        throw StatusError.gone(
          `too old resource version: ${rvParam} (${hub.oldestResumable + 1})`,
        );
      }
    }
    let listRv = store.resourceVersion;
    let startIndex = 0;
    let items = store.list(type, request.namespace);
    const exactName = fields.exactName;
    if (exactName !== undefined && request.namespace !== undefined) {
      const single = store.get(type, request.namespace, exactName);
      items = single ? [single] : [];
    }
    if (continueParam) {
      const token = decodeContinue(continueParam);
      if (!hub.isAvailable(token.rv)) {
        throw new StatusError({
          code: 410,
          reason: 'Expired',
          message:
            'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
        });
      }
      listRv = token.rv;
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const o = items[mid];
        if (
          compareKeys(
            o.metadata.namespace ?? '',
            o.metadata.name ?? '',
            token.ns,
            token.name,
          ) <= 0
        )
          lo = mid + 1;
        else hi = mid;
      }
      startIndex = lo;
    }
    const selected: KubeObject[] = [];
    let next: ContinueToken | undefined;
    let remaining = 0;
    const filtering = !labels.isEverything || !fields.isEverything;
    for (let i = startIndex; i < items.length; i++) {
      const obj = items[i];
      if (
        filtering &&
        (!labels.matches(obj.metadata.labels) || !fields.matches(obj))
      )
        continue;
      if (limit > 0 && selected.length >= limit) {
        if (!next) {
          const last = selected[selected.length - 1];
          next = {
            rv: listRv,
            ns: last.metadata.namespace ?? '',
            name: last.metadata.name ?? '',
          };
        }
        if (filtering) {
          remaining = -1;
          break;
        }
        remaining = items.length - i;
        break;
      }
      selected.push(obj);
    }
    const listMeta: Record<string, unknown> = {
      resourceVersion: String(listRv),
    };
    if (next) {
      listMeta.continue = encodeContinue(next);
      if (remaining > 0) listMeta.remainingItemCount = remaining;
    }
    if (wantsTable(req.headers.accept)) {
      sendJson(
        res,
        200,
        tableFor({
          type,
          objects: selected,
          includeObject:
            (url.searchParams.get('includeObject') as IncludeObject) ??
            'Metadata',
          now: this.options.clock.now(),
          listMeta,
        }),
      );
      return;
    }
    const head = `{"kind":${JSON.stringify(
      type.listKind,
    )},"apiVersion":${JSON.stringify(
      groupVersionOf(type),
    )},"metadata":${JSON.stringify(listMeta)},"items":[`;
    res.writeHead(200, { 'Content-Type': 'application/json', ...noCache });
    // Write in ~1 MiB chunks of cached per-object JSON rather than building
    // one huge string: large lists stay cheap in time and memory.
    let chunk = head;
    for (let i = 0; i < selected.length; i++) {
      chunk +=
        i === 0 ? store.json(selected[i]) : `,${store.json(selected[i])}`;
      if (chunk.length > 1 << 20) {
        res.write(chunk);
        chunk = '';
      }
    }
    res.end(`${chunk}]}`);
  }

  private serveWatch(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    request: ResourceRequest,
  ): void {
    const { store, hub, clock } = this.options;
    const { type } = request;
    const { labels, fields } = this.selectorsOf(url, type);
    const storageKey = storageKeyOf(type);
    const asTable = wantsTable(req.headers.accept);
    const includeObject =
      (url.searchParams.get('includeObject') as IncludeObject) ?? 'Metadata';
    const rvParam = url.searchParams.get('resourceVersion') ?? '';
    const bookmarks = url.searchParams.get('allowWatchBookmarks') === 'true';
    const sendInitialEvents =
      url.searchParams.get('sendInitialEvents') === 'true';
    const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? 0);
    if (rvParam && !/^\d+$/.test(rvParam)) {
      throw StatusError.badRequest(
        `resourceVersion: Invalid value: "${rvParam}": must be a non-negative integer`,
      );
    }
    const name = request.name ?? fields.exactName;
    const matches = (obj: KubeObject | undefined): boolean => {
      if (!obj) return false;
      if (
        request.namespace !== undefined &&
        obj.metadata.namespace !== request.namespace
      )
        return false;
      if (request.name !== undefined && obj.metadata.name !== request.name)
        return false;
      return labels.matches(obj.metadata.labels) && fields.matches(obj);
    };

    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
      ...noCache,
    });
    res.flushHeaders();
    let first = true;
    const write = (eventType: string, obj: KubeObject | object): void => {
      if (res.destroyed || res.writableEnded) return;
      let objectJson: string;
      if (asTable && eventType !== 'ERROR' && eventType !== 'BOOKMARK') {
        objectJson = JSON.stringify(
          tableFor({
            type,
            objects: [obj as KubeObject],
            includeObject,
            now: clock.now(),
            withColumnDefinitions: first,
          }),
        );
        first = false;
      } else {
        objectJson =
          'metadata' in obj && 'apiVersion' in obj && eventType !== 'BOOKMARK'
            ? store.json(obj as KubeObject)
            : JSON.stringify(obj);
      }
      res.write(`{"type":"${eventType}","object":${objectJson}}\n`);
    };
    const emit = (event: StoredEvent): void => {
      if (event.storageKey !== storageKey) return;
      const now = matches(event.object);
      let before = false;
      if (event.type === 'MODIFIED') before = matches(event.previous);
      else if (event.type === 'DELETED')
        before = matches(event.previous) || now;
      let outType: WatchEventType | undefined;
      if (event.type === 'ADDED') outType = now ? 'ADDED' : undefined;
      else if (event.type === 'DELETED')
        outType = before ? 'DELETED' : undefined;
      else if (now && before) outType = 'MODIFIED';
      else if (now) outType = 'ADDED';
      else if (before) outType = 'DELETED';
      if (outType) write(outType, event.object);
    };

    const timers: Array<ReturnType<Clock['setTimeout']>> = [];
    let unsubscribe = () => {};
    const cleanup = () => {
      unsubscribe();
      for (const t of timers) clock.clearTimeout(t);
      this.openWatches.delete(res);
    };
    res.on('close', cleanup);
    req.on('close', cleanup);

    if (rvParam && rvParam !== '0') {
      const history = hub.eventsAfter(Number(rvParam));
      if (!history) {
        write(
          'ERROR',
          new StatusError({
            code: 410,
            reason: 'Expired',
            message: `too old resource version: ${rvParam} (${
              hub.oldestResumable + 1
            })`,
          }).toStatus(),
        );
        res.end();
        cleanup();
        return;
      }
      for (const event of history) emit(event);
    } else {
      const initial =
        name !== undefined &&
        (request.namespace !== undefined || !type.namespaced)
          ? [store.get(type, request.namespace, name)].filter(
              (o): o is KubeObject => Boolean(o),
            )
          : store.list(type, request.namespace);
      for (const obj of initial) if (matches(obj)) write('ADDED', obj);
      if (sendInitialEvents && bookmarks) {
        write('BOOKMARK', {
          kind: type.kind,
          apiVersion: groupVersionOf(type),
          metadata: {
            resourceVersion: String(store.resourceVersion),
            annotations: { 'k8s.io/initial-events-end': 'true' },
          },
        });
      }
    }
    this.openWatches.add(res);
    unsubscribe = hub.subscribe(emit);
    if (bookmarks) {
      const bookmark = () => {
        write('BOOKMARK', {
          kind: type.kind,
          apiVersion: groupVersionOf(type),
          metadata: { resourceVersion: String(store.resourceVersion) },
        });
        timers.push(
          clock.setTimeout(bookmark, this.options.bookmarkIntervalMs),
        );
      };
      timers.push(clock.setTimeout(bookmark, this.options.bookmarkIntervalMs));
    }
    if (timeoutSeconds > 0) {
      timers.push(
        clock.setTimeout(() => {
          res.end();
          cleanup();
        }, timeoutSeconds * 1000),
      );
    }
  }

  private serveDelete(
    res: ServerResponse,
    url: URL,
    request: ResourceRequest,
    body: Buffer,
    dryRun: boolean,
  ): void {
    let options: {
      propagationPolicy?: string;
      dryRun?: string[];
      preconditions?: { uid?: string; resourceVersion?: string };
    } = {};
    if (body.length > 0 && body.toString('utf8').trim()) {
      try {
        options = JSON.parse(body.toString('utf8'));
      } catch (error) {
        throw StatusError.badRequest(
          `couldn't get version/kind; json parse error: ${
            (error as Error).message
          }`,
        );
      }
    }
    const propagation = (url.searchParams.get('propagationPolicy') ??
      options.propagationPolicy ??
      'Background') as PropagationPolicy;
    if (!['Background', 'Foreground', 'Orphan'].includes(propagation)) {
      throw StatusError.badRequest(
        `propagationPolicy: Unsupported value: "${propagation}"`,
      );
    }
    const deleted = this.options.store.delete(
      request.type,
      request.namespace,
      request.name ?? '',
      {
        dryRun: dryRun || (options.dryRun ?? []).includes('All'),
        propagation,
        uid: options.preconditions?.uid,
        resourceVersion: options.preconditions?.resourceVersion,
      },
    );
    if (
      request.type.plural === 'pods' ||
      request.type.plural === 'namespaces'
    ) {
      sendJson(res, 200, deleted);
      return;
    }
    sendJson(res, 200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: {
        name: request.name,
        group: request.type.group || undefined,
        kind: request.type.plural,
        uid: deleted.metadata.uid,
      },
    });
  }

  private serveDeleteCollection(
    res: ServerResponse,
    url: URL,
    request: ResourceRequest,
    dryRun: boolean,
  ): void {
    const { store } = this.options;
    const { labels, fields } = this.selectorsOf(url, request.type);
    const items = store
      .list(request.type, request.namespace)
      .filter(o => labels.matches(o.metadata.labels) && fields.matches(o));
    const deleted = items.map(o =>
      dryRun
        ? o
        : store.delete(
            request.type,
            o.metadata.namespace,
            o.metadata.name ?? '',
          ),
    );
    sendJson(res, 200, {
      kind: request.type.listKind,
      apiVersion: groupVersionOf(request.type),
      metadata: { resourceVersion: String(store.resourceVersion) },
      items: deleted,
    });
  }
}

/** JSON merge patch (RFC 7386). */
function mergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  const result: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else if (typeof value === 'object' && !Array.isArray(value)) {
      const current = result[key];
      result[key] = mergePatch(
        current && typeof current === 'object' && !Array.isArray(current)
          ? current
          : {},
        value,
      );
    } else {
      result[key] = value;
    }
  }
  return result;
}

function readPath(obj: unknown, path: string | undefined): unknown {
  let current = obj;
  for (const seg of (path ?? '').split('.').filter(Boolean)) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[seg];
  }
  return current;
}

function writePath(
  obj: Record<string, unknown>,
  path: string,
  value: unknown,
): void {
  const segs = path.split('.').filter(Boolean);
  let current = obj;
  for (const seg of segs.slice(0, -1)) {
    if (!current[seg] || typeof current[seg] !== 'object') current[seg] = {};
    current = current[seg] as Record<string, unknown>;
  }
  current[segs[segs.length - 1]] = value;
}
