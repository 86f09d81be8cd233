import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  Exemption,
  ResultsQuery,
} from '@carepath/plugin-compliance-common';
import type {
  AuditEvent,
  AuditEventQuery,
  ComplianceApi,
  ComplianceHistory,
  ComplianceResults,
  ControlsInForce,
  DownloadedFile,
  EntityComplianceResults,
  EvaluationInfo,
  EvidenceVerification,
  ExemptionRequest,
  ExemptionsQuery,
} from './ComplianceApi';

const multiValued = [
  'owner',
  'system',
  'control',
  'status',
  'dataClassification',
] as const;

/**
 * The query string for `GET /results`: each filter repeats its parameter.
 *
 * @public
 */
export function resultsQueryString(query: ResultsQuery = {}): string {
  const params = new URLSearchParams();
  for (const key of multiValued) {
    for (const value of query[key] ?? []) params.append(key, value);
  }
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  return params.toString();
}

function withSearch(path: string, values: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** `attachment; filename="x.csv"` → `x.csv`. */
function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/**
 * {@link ComplianceApi} over HTTP, as served by
 * `@carepath/plugin-compliance-backend`.
 *
 * @public
 */
export class ComplianceClient implements ComplianceApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getControls(): Promise<ControlsInForce> {
    return this.#json(await this.#fetch('/controls'));
  }

  async getResults(query?: ResultsQuery): Promise<ComplianceResults> {
    const search = resultsQueryString(query);
    return this.#json(
      await this.#fetch(`/results${search ? `?${search}` : ''}`),
    );
  }

  async getEntityResults(
    entityRef: string,
  ): Promise<EntityComplianceResults | undefined> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    const response = await this.#fetch(`/results/${path}`);
    if (response.status === 404) return undefined;
    return this.#json(response);
  }

  async evaluate(): Promise<EvaluationInfo> {
    return this.#json(await this.#fetch('/evaluate', { method: 'POST' }));
  }

  async getExemptions(query: ExemptionsQuery = {}): Promise<Exemption[]> {
    const body = await this.#json<{ items: Exemption[] }>(
      await this.#fetch(withSearch('/exemptions', { ...query })),
    );
    return body.items;
  }

  async requestExemption(request: ExemptionRequest): Promise<Exemption> {
    return this.#json(
      await this.#fetch('/exemptions', { method: 'POST', body: request }),
    );
  }

  async decideExemption(options: {
    id: string;
    decision: 'approve' | 'reject';
    comment: string;
  }): Promise<Exemption> {
    const path = `/exemptions/${encodeURIComponent(options.id)}/${
      options.decision
    }`;
    return this.#json(
      await this.#fetch(path, {
        method: 'POST',
        body: { comment: options.comment },
      }),
    );
  }

  async getHistory(
    query: { from?: string; to?: string; entityRef?: string } = {},
  ): Promise<ComplianceHistory> {
    return this.#json(await this.#fetch(withSearch('/history', query)));
  }

  async exportResults(options: {
    format: 'csv' | 'json';
    at?: string;
  }): Promise<DownloadedFile> {
    return this.#download(
      withSearch('/export', { format: options.format, at: options.at }),
      `compliance.${options.format}`,
    );
  }

  async verifyEvidence(): Promise<EvidenceVerification> {
    return this.#json(await this.#fetch('/evidence/verify'));
  }

  async getAuditEvents(query: AuditEventQuery = {}): Promise<AuditEvent[]> {
    const body = await this.#json<{ items: AuditEvent[] }>(
      await this.#fetch(withSearch('/audit-events', { ...query })),
    );
    return body.items;
  }

  async exportAuditEvents(
    query: AuditEventQuery = {},
  ): Promise<DownloadedFile> {
    return this.#download(
      withSearch('/audit-events', { ...query, format: 'csv' }),
      'audit-events.csv',
    );
  }

  async #fetch(
    path: string,
    init?: { method: 'POST'; body?: object },
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('compliance');
    if (!init) return this.#fetchApi.fetch(`${baseUrl}${path}`);
    return this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method: init.method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(init.body ?? {}),
    });
  }

  async #download(path: string, fallback: string): Promise<DownloadedFile> {
    const response = await this.#fetch(path);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return {
      blob: await response.blob(),
      filename: filenameOf(response, fallback),
    };
  }

  async #json<T>(response: Response): Promise<T> {
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
