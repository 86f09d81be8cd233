import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { lifecyclePath } from '../records/createPlatformRecordsHandler';

/** Where the catalog reads the lifecycle the platform recorded for an entity. */
export interface RecordedLifecycles {
  /** The recorded lifecycle, or null when none was recorded. */
  lifecycleOf(entityRef: string): Promise<string | null>;
}

/**
 * {@link RecordedLifecycles} over HTTP from the scaffolder plugin's
 * `GET /api/scaffolder/carepath/lifecycle` route, with the calling plugin's
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

  async lifecycleOf(entityRef: string): Promise<string | null> {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl('scaffolder');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const response = await fetch(
      `${baseUrl}${lifecyclePath}?entityRef=${encodeURIComponent(entityRef)}`,
      {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      },
    );
    if (!response.ok) {
      throw new Error(
        `the scaffolder's recorded lifecycle of ${entityRef} answered HTTP ${response.status}`,
      );
    }
    const body = (await response.json()) as { lifecycle?: unknown };
    return typeof body.lifecycle === 'string' ? body.lifecycle : null;
  }
}
