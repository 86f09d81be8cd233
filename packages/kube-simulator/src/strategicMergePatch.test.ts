import { strategicMergePatch } from './strategicMergePatch';
import { JsonObject } from './types';

const podSpec: JsonObject = {
  containers: [
    {
      name: 'app',
      image: 'app:1',
      env: [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ],
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    },
    { name: 'sidecar', image: 'proxy:1' },
  ],
  volumes: [{ name: 'tmp', emptyDir: {} }],
  tolerations: [{ key: 'a' }],
  finalizers: ['x'],
};

describe('strategicMergePatch', () => {
  it('merges containers and env by name, keeping the others', () => {
    const result = strategicMergePatch(podSpec, {
      containers: [
        {
          name: 'app',
          image: 'app:2',
          env: [
            { name: 'B', value: '3' },
            { name: 'C', value: '4' },
          ],
        },
      ],
    });
    const containers = result.containers as JsonObject[];
    expect(containers).toHaveLength(2);
    expect(containers[0].image).toBe('app:2');
    expect(containers[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '3' },
      { name: 'C', value: '4' },
    ]);
    expect(containers[1]).toEqual({ name: 'sidecar', image: 'proxy:1' });
  });

  it('merges ports by containerPort, volumes by name and mounts by mountPath', () => {
    const result = strategicMergePatch(podSpec, {
      containers: [
        {
          name: 'app',
          ports: [{ containerPort: 9090 }],
          volumeMounts: [{ mountPath: '/data', name: 'data' }],
        },
      ],
      volumes: [{ name: 'data', emptyDir: {} }],
    });
    const app = (result.containers as JsonObject[])[0];
    expect(app.ports).toEqual([
      { containerPort: 8080, protocol: 'TCP' },
      { containerPort: 9090 },
    ]);
    expect(app.volumeMounts).toHaveLength(2);
    expect(result.volumes).toHaveLength(2);
  });

  it('replaces atomic lists and honours $patch: delete and null', () => {
    const result = strategicMergePatch(podSpec, {
      tolerations: [{ key: 'b' }],
      containers: [{ name: 'sidecar', $patch: 'delete' }],
      volumes: null,
      $setElementOrder: [],
    });
    expect(result.tolerations).toEqual([{ key: 'b' }]);
    expect((result.containers as JsonObject[]).map(c => c.name)).toEqual([
      'app',
    ]);
    expect(result).not.toHaveProperty('volumes');
  });

  it('handles $deleteFromPrimitiveList and $patch: replace', () => {
    expect(
      strategicMergePatch(podSpec, {
        '$deleteFromPrimitiveList/finalizers': ['x'],
      }).finalizers,
    ).toEqual([]);
    expect(
      strategicMergePatch(
        { a: { b: 1, c: 2 } },
        { a: { $patch: 'replace', d: 3 } },
      ),
    ).toEqual({ a: { d: 3 } });
  });
});
