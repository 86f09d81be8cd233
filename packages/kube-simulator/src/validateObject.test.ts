import { builtinResources } from './builtinResources';
import { StatusError } from './Status';
import { KubeObject } from './types';
import { checkName, validateObject } from './validateObject';

const type = (plural: string) =>
  builtinResources().find(t => t.plural === plural)!;

function causesOf(
  plural: string,
  obj: KubeObject,
): Array<{ field?: string; reason?: string }> {
  try {
    validateObject(type(plural), obj);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(StatusError);
    expect((error as StatusError).code).toBe(422);
    return (error as StatusError).details?.causes ?? [];
  }
}

describe('validateObject', () => {
  it.each([
    ['web-1', 'subdomain', true],
    ['web.example', 'subdomain', true],
    ['Web', 'subdomain', false],
    ['-web', 'subdomain', false],
    ['web.example', 'label', false],
    ['1web', 'dns1035', false],
    ['web1', 'dns1035', true],
    ['a'.repeat(64), 'label', false],
    ['system:admin', 'path', true],
    ['a/b', 'path', false],
  ] as const)('name %s under the %s rule is valid: %s', (name, rule, valid) => {
    expect(checkName(name, rule) === undefined).toBe(valid);
  });

  it('checks label keys and values', () => {
    const bad = causesOf('configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'x',
        labels: {
          'example.com/ok': 'fine',
          'bad/key/x': 'v',
          good: 'not valid!',
        },
      },
    });
    expect(bad.map(c => c.field)).toEqual([
      'metadata.labels',
      'metadata.labels',
    ]);
  });

  it('requires selectors that match the template, and containers with images', () => {
    const causes = causesOf('deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { app: 'a' } },
        template: {
          metadata: { labels: { app: 'b' } },
          spec: { containers: [{ name: 'c' }] },
        },
      },
    });
    expect(causes.map(c => `${c.reason} ${c.field}`)).toEqual([
      'FieldValueInvalid spec.template.metadata.labels',
      'FieldValueRequired spec.template.spec.containers[0].image',
    ]);
  });

  it('requires a name or generateName and Service ports', () => {
    expect(
      causesOf('services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {},
        spec: {},
      }).map(c => c.field),
    ).toEqual(['metadata.name', 'spec.ports']);
    expect(
      causesOf('services', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'headless' },
        spec: { clusterIP: 'None' },
      }),
    ).toEqual([]);
  });
});
