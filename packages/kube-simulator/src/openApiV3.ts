import { createHash } from 'node:crypto';
import { ResourceRegistry } from './ResourceRegistry';
import { ResourceType } from './ResourceType';

const queryParameter = (name: string, description: string) => ({
  name,
  in: 'query',
  description,
  schema: { type: 'string', uniqueItems: true },
});

function pathOf(type: ResourceType): string {
  const prefix = type.group
    ? `/apis/${type.group}/${type.version}`
    : `/api/${type.version}`;
  return type.namespaced
    ? `${prefix}/namespaces/{namespace}/${type.plural}/{name}`
    : `${prefix}/${type.plural}/{name}`;
}

function operationName(type: ResourceType): string {
  const gv = `${type.group.split('.')[0] ?? ''}${type.version}`.replace(
    /^./,
    c => c.toUpperCase(),
  );
  return `patch${type.group ? gv : 'CoreV1'}${
    type.namespaced ? 'Namespaced' : ''
  }${type.kind}`;
}

/**
 * A minimal OpenAPI v3 document for one group/version. It only declares
 * the PATCH operations with their query parameters, which is what
 * kubectl reads to learn that the server validates fields itself
 * (`fieldValidation`); without it, kubectl insists on client-side schema
 * validation. Schemas are left empty, so kubectl falls back to its
 * compiled-in types for client-side apply.
 */
export function openApiV3Document(
  registry: ResourceRegistry,
  group: string,
  version: string,
): object | undefined {
  const types = registry
    .all()
    .filter(t => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const paths: Record<string, object> = {};
  for (const type of types) {
    paths[pathOf(type)] = {
      description: `partially update the specified ${type.kind}`,
      parameters: [
        {
          name: 'name',
          in: 'path',
          required: true,
          description: `name of the ${type.kind}`,
          schema: { type: 'string', uniqueItems: true },
        },
        ...(type.namespaced
          ? [
              {
                name: 'namespace',
                in: 'path',
                required: true,
                description: 'object name and auth scope',
                schema: { type: 'string', uniqueItems: true },
              },
            ]
          : []),
      ],
      patch: {
        operationId: operationName(type),
        tags: [group || 'core'],
        parameters: [
          queryParameter(
            'dryRun',
            'When present, indicates that modifications should not be persisted.',
          ),
          queryParameter(
            'fieldManager',
            'fieldManager is a name associated with the actor or entity that is making these changes.',
          ),
          queryParameter(
            'fieldValidation',
            'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields.',
          ),
          {
            name: 'force',
            in: 'query',
            description: 'Force is going to "force" Apply requests.',
            schema: { type: 'boolean', uniqueItems: true },
          },
        ],
        requestBody: {
          content: {
            'application/merge-patch+json': { schema: { type: 'object' } },
          },
          required: true,
        },
        responses: {
          '200': { description: 'OK' },
          '201': { description: 'Created' },
          '401': { description: 'Unauthorized' },
        },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group, version, kind: type.kind },
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: { schemas: {} },
  };
}

/** The `/openapi/v3` discovery document listing one entry per group/version. */
export function openApiV3Root(registry: ResourceRegistry): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const seen = new Set<string>();
  for (const type of registry.all()) {
    const key = type.group
      ? `apis/${type.group}/${type.version}`
      : `api/${type.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const doc = openApiV3Document(registry, type.group, type.version);
    const hash = createHash('sha512')
      .update(JSON.stringify(doc))
      .digest('hex')
      .slice(0, 128)
      .toUpperCase();
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { paths };
}
