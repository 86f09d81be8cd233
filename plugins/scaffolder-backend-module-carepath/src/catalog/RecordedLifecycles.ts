import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { lifecyclesPath } from '../records/createPlatformRecordsHandler';

/** Where the catalog reads the lifecycles the platform recorded. */
export interface RecordedLifecycles {
  /** Every recorded lifecycle, by entity ref. */
  current(): Promise<Map<string, string>>;
}

/**
 * {@link RecordedLifecycles} over HTTP from the scaffolder plugin's
 * `GET /api/scaffolder/carepath/lifecycles` route, with the calling plugin's
 * service token: plugins do not share databases.
 */
export class HttpRecordedLifecycles implements RecordedLifecycles {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      /** Per request; default 5 s. */
      timeoutMs?: number;
    },
  ) {}

  async current(): Promise<Map<string, string>> {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl('scaffolder');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const response = await fetch(`${baseUrl}${lifecyclesPath}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
    });
    if (!response.ok) {
      throw new Error(
        `the scaffolder's recorded lifecycles answered HTTP ${response.status}`,
      );
    }
    const body = (await response.json()) as { lifecycles?: unknown };
    if (!body.lifecycles || typeof body.lifecycles !== 'object') {
      throw new Error(
        "the scaffolder's recorded lifecycles answered without a lifecycles object",
      );
    }
    return new Map(
      Object.entries(body.lifecycles as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  }
}
