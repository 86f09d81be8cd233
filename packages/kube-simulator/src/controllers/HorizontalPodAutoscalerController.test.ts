import {
  deployment,
  eventually,
  SimulatorFixture,
  startSimulatorFixture,
} from '../__testUtils__/simulatorFixture';

const hpa = (name: string, min: number, max: number) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name, namespace: 'default' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
    minReplicas: min,
    maxReplicas: max,
    metrics: [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: 70 },
        },
      },
    ],
  },
});

describe('HorizontalPodAutoscalerController', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
  });
  afterAll(() => f.stop());

  const readHpa = (name: string) =>
    f.objects.read({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name, namespace: 'default' },
    }) as Promise<{
      status?: {
        currentReplicas?: number;
        desiredReplicas?: number;
        conditions?: Array<{ type: string; status: string; reason: string }>;
      };
    }>;

  it('reports current and desired replicas within range', async () => {
    f.cluster.apply(deployment({ name: 'calm', replicas: 2 }));
    f.cluster.apply(hpa('calm', 2, 5));
    const status = await eventually(async () => {
      const h = await readHpa('calm');
      return h.status?.currentReplicas === 2 ? h.status : undefined;
    });
    expect(status.desiredReplicas).toBe(2);
    expect(
      status.conditions!.map(c => `${c.type}=${c.status}/${c.reason}`),
    ).toEqual([
      'AbleToScale=True/ReadyForNewScale',
      'ScalingActive=True/ValidMetricFound',
      'ScalingLimited=False/DesiredWithinRange',
    ]);
  });

  it('hpa-max: scales the target to maxReplicas with ScalingLimited TooManyReplicas', async () => {
    f.cluster.apply(
      deployment({
        name: 'busy',
        replicas: 3,
        annotations: { 'carepath.io/simulate': 'hpa-max' },
      }),
    );
    f.cluster.apply(hpa('busy', 3, 6));
    const status = await eventually(async () => {
      const h = await readHpa('busy');
      return h.status?.currentReplicas === 6 ? h.status : undefined;
    });
    expect(status.desiredReplicas).toBe(6);
    expect(
      status.conditions!.find(c => c.type === 'ScalingLimited'),
    ).toMatchObject({
      status: 'True',
      reason: 'TooManyReplicas',
      message:
        'the desired replica count is more than the maximum replica count',
    });
    const d = await f.apps.readNamespacedDeployment({
      name: 'busy',
      namespace: 'default',
    });
    expect(d.spec!.replicas).toBe(6);
    const table = await f.kubectl(['get', 'hpa', 'busy', '--no-headers']);
    expect(table.stdout).toMatch(
      /^busy\s+Deployment\/busy\s+cpu: 9\d%\/70%\s+3\s+6\s+6\s+/,
    );
  });
});
