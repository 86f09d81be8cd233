import { checkProductionBundle } from './__testUtils__/checkProductionBundle';

/**
 * The production bundle, laid out as packages/backend/Dockerfile lays it out,
 * builds and starts against PostgreSQL with app-config.production.yaml and
 * test secrets: it becomes ready, serves the built frontend and offers no
 * guest sign-in.
 */
describe('the production bundle', () => {
  it('builds, starts against PostgreSQL with the production config, and serves the frontend', async () => {
    const result = await checkProductionBundle({ build: true });
    expect(result).toMatchObject({
      readiness: 200,
      frontend: 200,
      frontendIsHtml: true,
      frontendScript: 200,
      guestSignIn: 404,
    });
  }, 900_000);
});
