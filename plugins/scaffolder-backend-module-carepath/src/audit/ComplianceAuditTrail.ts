import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/config';

/** One event for the durable audit trail. */
export interface AuditTrailEntry {
  /** e.g. `scaffolder.action.started`. */
  action: string;
  /** Entity ref of the person; the calling plugin when absent. */
  actor?: string;
  entityRef?: string;
  details: JsonObject;
}

/** Where platform actions write their durable audit records. */
export interface AuditTrailWriter {
  /** Appends one event; resolves with its position in the chain. */
  record(entry: AuditTrailEntry): Promise<{ seq: number }>;
}

/**
 * The compliance plugin's hash-chained audit trail, written through its
 * `POST /api/compliance/audit-events` with this plugin's service token.
 * Plugins never share a database, so this is the only way in.
 */
export class ComplianceAuditTrail implements AuditTrailWriter {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      /** Per request; default 5 s. */
      timeoutMs?: number;
    },
  ) {}

  async record(entry: AuditTrailEntry): Promise<{ seq: number }> {
    const { discovery, auth } = this.options;
    const timeoutMs = this.options.timeoutMs ?? 5000;
    const baseUrl = await discovery.getBaseUrl('compliance');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'compliance',
    });
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/audit-events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(entry),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // fetch rejects with a DOMException on timeout, not always an Error.
      const failure = error as {
        name?: string;
        message?: string;
        cause?: { message?: string };
      };
      throw new Error(
        failure?.name === 'TimeoutError'
          ? `the compliance audit trail did not answer within ${timeoutMs} ms`
          : `the compliance audit trail is unreachable (${
              failure?.cause?.message ?? failure?.message ?? String(error)
            })`,
      );
    }
    if (response.status !== 201) {
      const text = await response.text().catch(() => '');
      let message = text.slice(0, 200);
      try {
        message = JSON.parse(text).error?.message ?? message;
      } catch {
        // not JSON: keep the start of the body
      }
      throw new Error(
        `the compliance audit trail answered HTTP ${response.status}${
          message ? `: ${message}` : ''
        }`,
      );
    }
    const body = (await response.json()) as { seq?: unknown };
    return { seq: Number(body.seq) };
  }
}
