import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The header the sign-in page sends to say which demo user to act as. */
export const DEMO_USER_HEADER = 'x-carepath-demo-user';

type DemoSignIn = { user: string };

const demoAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: DemoSignIn) => ({
    profile: { displayName: result.user },
  }),
  initialize({ config }) {
    return { users: new Set(config.getStringArray('users')) };
  },
  async authenticate({ req }, { users }) {
    // Like guest sign-in, acting as someone else is for local development only.
    if (process.env.NODE_ENV !== 'development') {
      throw new NotAllowedError(
        'Demo sign-in is only available when the portal runs in development mode',
      );
    }
    const user = req.header(DEMO_USER_HEADER);
    if (!user || !users.has(user)) {
      throw new AuthenticationError(
        `"${user ?? ''}" is not a demo user; choose one of ${[...users].join(
          ', ',
        )}`,
      );
    }
    return { result: { user } };
  },
});

/**
 * Lets the embedded default act as one demo user per role (developer,
 * platform team, compliance officer), so every role can be tried locally.
 * Enabled only where `auth.providers.carepath-demo.users` is configured and
 * only in development mode.
 */
export const authModuleCarepathDemo = createBackendModule({
  pluginId: 'auth',
  moduleId: 'carepath-demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'carepath-demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: { kind: 'user', name: result.user },
              });
            },
          }),
        });
      },
    });
  },
});
