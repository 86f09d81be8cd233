import {
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from './__testUtils__/simulatorFixture';
import { decodeProtobufObject } from './decodeProtobufObject';

describe('decodeProtobufObject', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  it('accepts the protobuf bodies of kubectl create generators', async () => {
    const commands = [
      ['create', 'namespace', 'proto'],
      [
        'create',
        'configmap',
        'settings',
        '-n',
        'proto',
        '--from-literal=mode=fast',
      ],
      [
        'create',
        'secret',
        'generic',
        'creds',
        '-n',
        'proto',
        '--from-literal=user=admin',
      ],
      [
        'create',
        'deployment',
        'web',
        '-n',
        'proto',
        '--image=registry.example/web:1.2.3',
        '--replicas=2',
        '--port=8080',
      ],
      [
        'create',
        'service',
        'nodeport',
        'web',
        '-n',
        'proto',
        '--tcp=80:8080',
        '--node-port=30123',
      ],
      [
        'create',
        'cronjob',
        'tick',
        '-n',
        'proto',
        '--image=registry.example/tick:1',
        '--schedule=*/5 * * * *',
        '--',
        'run',
      ],
      [
        'create',
        'role',
        'reader',
        '-n',
        'proto',
        '--verb=get',
        '--resource=pods',
      ],
    ];
    for (const args of commands) {
      const result = await f.kubectl(args);
      expect([args.join(' '), result.stderr]).toEqual([args.join(' '), '']);
    }
    const get = (apiVersion: string, kind: string, name: string) =>
      f.cluster.get({ apiVersion, kind, namespace: 'proto', name });
    expect(get('v1', 'ConfigMap', 'settings')?.data).toEqual({ mode: 'fast' });
    expect(get('v1', 'Secret', 'creds')?.data).toEqual({
      user: Buffer.from('admin').toString('base64'),
    });
    expect(get('apps/v1', 'Deployment', 'web')?.spec).toMatchObject({
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        spec: {
          containers: [
            {
              name: 'web',
              image: 'registry.example/web:1.2.3',
              ports: [{ containerPort: 8080, protocol: 'TCP' }],
            },
          ],
        },
      },
    });
    expect(get('v1', 'Service', 'web')?.spec).toMatchObject({
      type: 'NodePort',
      ports: [{ port: 80, targetPort: 8080, nodePort: 30123 }],
    });
    expect(
      get('rbac.authorization.k8s.io/v1', 'Role', 'reader')?.rules,
    ).toEqual([{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]);
    await eventually(
      () =>
        (
          get('apps/v1', 'Deployment', 'web')?.status as {
            readyReplicas?: number;
          }
        )?.readyReplicas === 2,
    );
  });

  it('rejects bodies that are not Kubernetes protobuf', () => {
    expect(() => decodeProtobufObject(Buffer.from('{"kind":"Pod"}'))).toThrow(
      expect.objectContaining({ code: 400 }),
    );
    expect(() =>
      decodeProtobufObject(Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff])),
    ).toThrow(expect.objectContaining({ code: 400 }));
  });
});
