import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { repoRoot } from '../production/__testUtils__/renderOverlay';

/**
 * Template entities come only from `templates/all.yaml`, which the platform
 * team owns in git: the catalog rules of app-config.yaml refuse a Template
 * registered from anywhere else, by anyone, while services register as
 * usual.
 */
const template = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: shadow-fhir-service
spec:
  owner: group:default/clinical-data
  type: service
  steps: []
`;
const component = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: intake-api
spec:
  type: service
  lifecycle: experimental
  owner: group:default/clinical-data
`;

describe('the catalog rules of app-config.yaml', () => {
  let files: Server;
  let host: string;

  beforeAll(async () => {
    const served: Record<string, string> = {
      '/template.yaml': template,
      '/catalog-info.yaml': component,
    };
    files = createServer((req, res) => {
      const body = served[req.url ?? ''];
      res.statusCode = body ? 200 : 404;
      res.end(body ?? 'not found');
    });
    await new Promise<void>(resolve =>
      files.listen(0, '127.0.0.1', () => resolve()),
    );
    host = `127.0.0.1:${(files.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => files.close(resolve)));

  async function startCatalog() {
    const appConfig = parse(
      await readFile(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
    );
    return startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        mockServices.rootConfig.factory({
          data: {
            backend: { reading: { allow: [{ host }] } },
            // The portal's rules, without its file locations.
            catalog: { rules: appConfig.catalog.rules },
          },
        }),
      ],
    });
  }

  it('refuses a Template registered outside templates/all.yaml, and accepts a service', async () => {
    const backend = await startCatalog();
    const { server } = backend;
    try {
      const register = (target: string) =>
        request(server)
          .post('/api/catalog/locations?dryRun=true')
          .set('authorization', mockCredentials.user.header())
          .send({ type: 'url', target });

      const refused = await register(`http://${host}/template.yaml`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(
        /template:default\/shadow-fhir-service .* is not of an allowed kind/,
      );

      const accepted = await register(`http://${host}/catalog-info.yaml`);
      expect(accepted.status).toBe(201);
      expect(
        accepted.body.entities.map((e: { kind: string }) => e.kind),
      ).toContain('Component');
    } finally {
      await backend.stop();
    }
  });
});
