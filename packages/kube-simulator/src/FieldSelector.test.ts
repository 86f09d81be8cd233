import { FieldSelector } from './FieldSelector';
import { KubeObject } from './types';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: { nodeName: 'node-a' },
  status: { phase: 'Running' },
};

describe('FieldSelector', () => {
  it.each([
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name!=web-1', false],
    ['metadata.namespace=shop,status.phase=Running', true],
    ['status.phase!=Pending', true],
    ['status.phase=Pending', false],
    ['spec.nodeName=node-a', true],
  ])('%s matches: %s', (selector, expected) => {
    expect(FieldSelector.parse(selector, 'pods').matches(pod)).toBe(expected);
  });

  it('rejects fields the resource cannot be selected by', () => {
    expect(() =>
      FieldSelector.parse('status.phase=Running', 'configmaps'),
    ).toThrow('field label not supported: status.phase');
  });
});
