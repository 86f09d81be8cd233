import { Metrics, topPods } from '@kubernetes/client-node';
import {
  deployment,
  SimulatorFixture,
  startSimulatorFixture,
} from './__testUtils__/simulatorFixture';

describe('metrics.k8s.io', () => {
  let f: SimulatorFixture;
  beforeAll(async () => {
    f = await startSimulatorFixture();
    const withResources = (
      name: string,
      annotations?: Record<string, string>,
    ) => {
      const d = deployment({ name, replicas: 2, annotations });
      const spec = d.spec as {
        template: { spec: { containers: Array<Record<string, unknown>> } };
      };
      spec.template.spec.containers[0].resources = {
        requests: { cpu: '200m', memory: '256Mi' },
        limits: { memory: '512Mi' },
      };
      return d;
    };
    f.cluster.apply(withResources('steady'));
    f.cluster.apply(withResources('leaky', { 'carepath.io/simulate': 'oom' }));
    await f.cluster.settled();
  });
  afterAll(() => f.stop());

  it('answers kubectl top pods and nodes', async () => {
    const pods = await f.kubectl([
      'top',
      'pods',
      '-l',
      'app=steady',
      '--no-headers',
    ]);
    expect(pods.stderr).toBe('');
    const rows = pods.stdout.trim().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^steady-\S+\s+\d+m\s+\d+Mi\s*$/);
    const nodes = await f.kubectl(['top', 'nodes', '--no-headers']);
    expect(nodes.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('reports memory near the limit for the oom scenario', async () => {
    const list = await (
      await f.request(
        '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=app%3Dleaky',
      )
    ).json();
    expect(list.kind).toBe('PodMetricsList');
    const memoryKi = Number(
      list.items[0].containers[0].usage.memory.replace('Ki', ''),
    );
    expect(memoryKi / 1024).toBeGreaterThan(480);
    const write = await f.request(
      '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods',
      { method: 'POST', body: '{}' },
    );
    expect(write.status).toBe(405);
  });

  it('feeds client-node topPods, as the Backstage Kubernetes backend uses it', async () => {
    const pods = await topPods(f.core, new Metrics(f.kubeConfig), 'default');
    const steady = pods.filter(p => p.Pod.metadata?.labels?.app === 'steady');
    expect(steady).toHaveLength(2);
    expect(steady[0].CPU.RequestTotal).toBe(0.2);
    expect(Number(steady[0].CPU.CurrentUsage)).toBeGreaterThan(0);
    expect(Number(steady[0].Memory.LimitTotal)).toBe(512 * 1024 * 1024);
  });
});
