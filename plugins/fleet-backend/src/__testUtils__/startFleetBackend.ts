import type { Entity } from '@backstage/catalog-model';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  signalsServiceRef,
  type SignalPayload,
} from '@backstage/plugin-signals-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fleetPlugin } from '../plugin';

/** Starts a backend with the fleet plugin, a stand-in catalog and recorded signals. */
export async function startFleetBackend(options: {
  entities: Entity[];
  /** Deny every permission check (default: allow). */
  deny?: boolean;
  config: Parameters<typeof mockServices.rootConfig.factory>[0] extends infer O
    ? O extends { data?: infer D }
      ? NonNullable<D>
      : never
    : never;
}) {
  const signals: SignalPayload[] = [];
  const backend = await startTestBackend({
    features: [
      fleetPlugin,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.permissions.factory({
        result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      }),
      mockServices.rootConfig.factory({ data: options.config }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({
          async publish(signal: SignalPayload) {
            signals.push(signal);
          },
        }),
      }),
    ],
  });
  return { backend, server: backend.server, signals };
}
