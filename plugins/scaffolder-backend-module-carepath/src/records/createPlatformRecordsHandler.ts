import type {
  HttpAuthService,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { PlatformRecordStore } from './PlatformRecordStore';

type Handler = Parameters<HttpRouterService['use']>[0];

/** Where the compliance plugin reads platform records, below `/api/scaffolder`. */
export const platformRecordsPath = '/carepath/platform-records';

/** Where the recorded lifecycle of a service is read, below `/api/scaffolder`. */
export const lifecyclePath = '/carepath/lifecycle';

/** Where every recorded lifecycle is read at once, below `/api/scaffolder`. */
export const lifecyclesPath = '/carepath/lifecycles';

function entityRefFrom(query: unknown): string {
  const value =
    query && typeof query === 'object'
      ? (query as Record<string, unknown>).entityRef
      : undefined;
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError(
      'entityRef query parameter is required, e.g. ?entityRef=component:default/patient-api',
    );
  }
  try {
    return stringifyEntityRef(parseEntityRef(value));
  } catch (error) {
    throw new InputError(
      `entityRef: not an entity ref (${
        error instanceof Error ? error.message : String(error)
      })`,
    );
  }
}

/**
 * `GET /api/scaffolder/carepath/platform-records?entityRef=...`: an entity's
 * platform records in compliance-common's `PlatformRecords` shape, for the
 * compliance plugin; `GET /api/scaffolder/carepath/lifecycle?entityRef=...`:
 * its recorded lifecycle and changes; `GET /api/scaffolder/carepath/lifecycles`:
 * every recorded lifecycle, `{ lifecycles: { [entityRef]: lifecycle } }`, for
 * the catalog. Read-only; user or service credentials required.
 */
export function createPlatformRecordsHandler(options: {
  records: PlatformRecordStore;
  httpAuth: HttpAuthService;
}): Handler {
  return (req, res, next) => {
    if (
      req.method !== 'GET' ||
      (req.path !== platformRecordsPath &&
        req.path !== lifecyclePath &&
        req.path !== lifecyclesPath)
    ) {
      next();
      return;
    }
    (async () => {
      await options.httpAuth.credentials(req, { allow: ['user', 'service'] });
      if (req.path === lifecyclesPath) {
        res.json({ lifecycles: await options.records.currentLifecycles() });
        return;
      }
      const entityRef = entityRefFrom(req.query);
      if (req.path === platformRecordsPath) {
        res.json(await options.records.platformRecords(entityRef));
        return;
      }
      const changes = await options.records.lifecycleChanges(entityRef);
      res.json({ entityRef, lifecycle: changes.at(-1)?.to ?? null, changes });
    })().catch(next);
  };
}
