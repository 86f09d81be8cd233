import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import type { ClusterDefinition } from '../clusters/ClusterSource';
import { ApiServerError } from './ApiServerError';

/** Options of {@link ApiServerClient}. */
export interface ApiServerClientOptions {
  cluster: ClusterDefinition;
  /** Time allowed for a response to start (and for a whole list). */
  requestTimeoutMs: number;
}

/** Handle of an open watch stream. */
export interface WatchStream {
  abort(): void;
}

/** The server closed a pooled keep-alive socket as the request went out. */
class StaleSocketError extends Error {}

function isStaleSocket(req: http.ClientRequest, error: Error) {
  return (
    req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET'
  );
}

function statusMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { kind?: string; message?: string };
    return parsed.kind === 'Status' ? parsed.message : undefined;
  } catch {
    // Not a Kubernetes Status: the caller reports the HTTP status alone.
    return undefined;
  }
}

/**
 * Minimal HTTP client for one API server: JSON GETs and watch streams, both
 * with timeouts, one keep-alive agent per cluster (destroyed on close), and
 * errors that say which cluster failed and what to check.
 */
export class ApiServerClient {
  private readonly agent: http.Agent;
  private readonly cluster: ClusterDefinition;
  private readonly requestTimeoutMs: number;
  private readonly requests = new Set<http.ClientRequest>();

  constructor(options: ApiServerClientOptions) {
    this.cluster = options.cluster;
    this.requestTimeoutMs = options.requestTimeoutMs;
    this.agent = this.cluster.url.startsWith('https:')
      ? new https.Agent({
          keepAlive: true,
          ca: this.cluster.caData,
          rejectUnauthorized: !this.cluster.skipTLSVerify,
        })
      : new http.Agent({ keepAlive: true });
  }

  /**
   * Sends a GET and parses the JSON answer. A request that fails because
   * the server closed the pooled keep-alive socket it was sent on is sent
   * once more on a fresh one.
   */
  async getJson(path: string): Promise<unknown> {
    try {
      return await this.getJsonOnce(path);
    } catch (error) {
      if (error instanceof StaleSocketError) return this.getJsonOnce(path);
      throw error;
    }
  }

  private getJsonOnce(path: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = this.request(path);
      const timer = setTimeout(() => {
        req.destroy(this.timeoutError(path));
      }, this.requestTimeoutMs);
      req.on('response', res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', error => reject(this.networkError(error)));
        res.on('end', () => {
          clearTimeout(timer);
          this.requests.delete(req);
          const body = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) {
            reject(this.statusError(res.statusCode ?? 0, body, path));
            return;
          }
          try {
            resolve(JSON.parse(body));
          } catch (error) {
            reject(
              new ApiServerError({
                message: `${
                  this.cluster.name
                } answered ${path} with invalid JSON (${String(error)})`,
              }),
            );
          }
        });
      });
      req.on('error', error => {
        clearTimeout(timer);
        this.requests.delete(req);
        if (isStaleSocket(req, error)) {
          reject(new StaleSocketError());
          return;
        }
        reject(
          error instanceof ApiServerError ? error : this.networkError(error),
        );
      });
      req.end();
    });
  }

  /**
   * Opens a watch stream. `onLine` gets each JSON line; `onDone` is called
   * exactly once, with an error unless the server closed the stream. The
   * stream is aborted when the response does not start within the request
   * timeout, or when nothing (not even a bookmark) arrives for `idleTimeoutMs`.
   */
  watch(options: {
    path: string;
    idleTimeoutMs: number;
    onOpen: () => void;
    onLine: (line: string) => void;
    onDone: (error?: ApiServerError) => void;
  }): WatchStream {
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const req = this.request(options.path);
    const finish = (error?: ApiServerError) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      this.requests.delete(req);
      req.destroy();
      options.onDone(error);
    };
    const arm = (ms: number, error: () => ApiServerError) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(error()), ms);
    };
    req.on('response', res => {
      if (res.statusCode !== 200) {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          finish(
            this.statusError(
              res.statusCode ?? 0,
              Buffer.concat(chunks).toString('utf8'),
              options.path,
            ),
          ),
        );
        res.on('error', error => finish(this.networkError(error)));
        return;
      }
      const idle = () =>
        arm(
          options.idleTimeoutMs,
          () =>
            new ApiServerError({
              message: `${this.cluster.name} sent nothing on a watch for ${options.idleTimeoutMs} ms`,
            }),
        );
      idle();
      options.onOpen();
      // A watch that was open and then cut (server restart, dropped
      // connection) ends normally: the informer resumes from its
      // resourceVersion, and a cluster that is really gone fails that attempt.
      res.on('error', () => finish());
      const lines = createInterface({ input: res });
      lines.on('line', line => {
        if (finished) return;
        idle();
        options.onLine(line);
      });
      // readline re-emits the response's errors; without a listener they would be uncaught.
      lines.on('error', () => finish());
      lines.on('close', () => finish());
    });
    arm(this.requestTimeoutMs, () => this.timeoutError(options.path));
    req.on('error', error => {
      if (isStaleSocket(req, error)) {
        // The pooled socket was closed by the server: end normally so the
        // informer reconnects at once on a fresh socket.
        finish();
        return;
      }
      finish(
        error instanceof ApiServerError ? error : this.networkError(error),
      );
    });
    req.end();
    return { abort: () => finish() };
  }

  /** Aborts every open request and closes pooled sockets. */
  close(): void {
    for (const req of this.requests) req.destroy();
    this.requests.clear();
    this.agent.destroy();
  }

  private request(path: string): http.ClientRequest {
    const url = new URL(this.cluster.url + path);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.cluster.token) {
      headers.Authorization = `Bearer ${this.cluster.token}`;
    }
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, { agent: this.agent, headers });
    this.requests.add(req);
    return req;
  }

  private timeoutError(path: string) {
    return new ApiServerError({
      message: `${this.cluster.name} did not answer ${
        path.split('?')[0]
      } within ${this.requestTimeoutMs} ms`,
    });
  }

  private networkError(error: Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return new ApiServerError({
      message: `${this.cluster.name} is unreachable at ${this.cluster.url} (${
        code ?? error.message
      })`,
    });
  }

  private statusError(statusCode: number, body: string, path: string) {
    const name = this.cluster.name;
    const detail = statusMessage(body);
    const resource = path.split('?')[0];
    let message: string;
    if (statusCode === 401) {
      message = `${name} rejected the service account token (401 Unauthorized): check ${this.cluster.tokenSource}`;
    } else if (statusCode === 403) {
      message = `${name} denied access to ${resource} (403 Forbidden${
        detail ? `: ${detail}` : ''
      }): grant the service account get, list and watch on it at cluster scope`;
    } else if (statusCode === 410) {
      message = `${name} expired the watch history of ${resource} (410 Gone)`;
    } else {
      message = `${name} answered ${resource} with ${statusCode}${
        detail ? `: ${detail}` : ''
      }`;
    }
    return new ApiServerError({ message, statusCode });
  }
}
