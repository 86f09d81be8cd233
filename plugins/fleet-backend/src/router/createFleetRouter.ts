import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  FleetListResponse,
  UnregisteredWorkload,
} from '@carepath/plugin-fleet-common';
import { fleetReadPermission } from '@carepath/plugin-fleet-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import type { FleetCache } from '../cache/FleetCache';
import type { FleetChangeStream } from './FleetChangeStream';
import { MAX_LIMIT, parseServiceQuery } from './parseServiceQuery';
import { queryServices } from './queryServices';
import { z } from 'zod';
import { InputError } from '@backstage/errors';

/** Options of {@link createFleetRouter}. */
export interface FleetRouterOptions {
  cache: FleetCache;
  stream: FleetChangeStream;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

const pageSchema = z
  .object({
    offset: z
      .string()
      .regex(/^\d+$/, 'offset must be a whole number')
      .optional(),
    limit: z
      .string()
      .regex(/^\d+$/, 'limit must be a whole number')
      .refine(v => Number(v) <= MAX_LIMIT, {
        message: `limit must be at most ${MAX_LIMIT}`,
      })
      .optional(),
  })
  .strict();

/**
 * The `/api/fleet` routes. Every answer comes from the in-memory cache; no
 * request reaches an API server.
 *
 * @public
 */
export function createFleetRouter(options: FleetRouterOptions): express.Router {
  const { cache, stream, httpAuth, permissions } = options;
  const router = Router();
  router.use(express.json());

  router.use(async (req, _res, next) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: fleetReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to read fleet health (fleet.read)',
      );
    }
    next();
  });

  const entityRefOf = (req: Request) =>
    stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    });

  router.get('/services', (req, res) => {
    const query = parseServiceQuery(req.query);
    const known = cache.clusterStates().map(c => c.name);
    const unknown = query.cluster?.find(c => !known.includes(c));
    if (unknown !== undefined) {
      throw new InputError(
        `Invalid cluster ${JSON.stringify(unknown)}: known clusters are ${
          known.join(', ') || 'none'
        }`,
      );
    }
    res.json(queryServices(cache.services(), query));
  });

  router.get('/services/:kind/:namespace/:name', (req, res) => {
    const ref = entityRefOf(req);
    const detail = cache.detail(ref);
    if (!detail) {
      throw new NotFoundError(
        `No catalog service ${ref} with a backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector annotation`,
      );
    }
    res.json(detail);
  });

  router.get('/services/:kind/:namespace/:name/observations', (req, res) => {
    const ref = entityRefOf(req);
    const items = cache.observations(ref);
    if (!items) {
      throw new NotFoundError(
        `No catalog service ${ref} with a backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector annotation`,
      );
    }
    res.json({ items });
  });

  router.get('/clusters', (_req, res) => {
    res.json({ items: cache.clusterStates() });
  });

  router.get('/unregistered', (req, res) => {
    const parsed = pageSchema.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        issue.code === 'unrecognized_keys'
          ? `Unknown query parameter ${issue.keys.join(
              ', ',
            )}; allowed: offset, limit`
          : issue.message,
      );
    }
    const all = cache.unregistered();
    const offset = Number(parsed.data.offset ?? 0);
    const limit = Number(parsed.data.limit ?? 100);
    const body: FleetListResponse<UnregisteredWorkload> = {
      items: all.slice(offset, offset + limit),
      totalItems: all.length,
      offset,
      limit,
    };
    res.json(body);
  });

  router.get('/events', (_req, res) => {
    stream.addClient(res);
  });

  return router;
}
