import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startKubeSimulator, KubeSimulator } from '../startKubeSimulator';
import { KubeObject } from '../types';
import { demoServices } from './seedDemoFleet';

describe('demo fleet', () => {
  let sim: KubeSimulator;
  beforeAll(async () => {
    sim = await startKubeSimulator({
      fleet: 'demo',
      port: 0,
      podReadyDelayMs: 0,
      failureIntervalMs: 50,
    });
  }, 30_000);
  afterAll(() => sim.stop());

  const workload = (
    cluster: string,
    kind: string,
    namespace: string,
    name: string,
  ) =>
    sim.cluster(cluster).get({
      apiVersion:
        kind === 'HorizontalPodAutoscaler' ? 'autoscaling/v2' : 'apps/v1',
      kind,
      namespace,
      name,
    });
  const pods = (cluster: string, namespace: string, name: string) =>
    sim
      .cluster(cluster)
      .list({ apiVersion: 'v1', kind: 'Pod', namespace })
      .filter(p => p.metadata.labels?.['app.kubernetes.io/name'] === name);
  const condition = (obj: KubeObject | undefined, type: string) =>
    (
      (
        obj?.status as {
          conditions?: Array<{
            type: string;
            status: string;
            reason: string;
            message: string;
          }>;
        }
      )?.conditions ?? []
    ).find(c => c.type === type);

  it('has the three clusters and every service where the table says, labelled for Backstage', () => {
    expect(sim.clusters.map(c => c.name)).toEqual([
      'prod-east',
      'prod-west',
      'staging',
    ]);
    for (const service of demoServices) {
      for (const cluster of ['prod-east', 'prod-west', 'staging']) {
        const obj = workload(
          cluster,
          service.kind,
          service.namespace,
          service.name,
        );
        expect([cluster, service.name, Boolean(obj)]).toEqual([
          cluster,
          service.name,
          service.clusters.includes(cluster),
        ]);
        if (!obj) continue;
        expect(obj.metadata.labels).toMatchObject({
          'backstage.io/kubernetes-id': service.name,
          'app.kubernetes.io/name': service.name,
          'app.kubernetes.io/part-of': service.system,
        });
        const template = (
          obj.spec as {
            template: { metadata: { labels: Record<string, string> } };
          }
        ).template;
        expect(template.metadata.labels['backstage.io/kubernetes-id']).toBe(
          service.name,
        );
      }
    }
    expect(
      workload('prod-east', 'Deployment', 'default', 'legacy-fax-gateway')
        ?.metadata.labels,
    ).toEqual({ app: 'legacy-fax-gateway' });
    expect(
      workload('staging', 'Deployment', 'default', 'debug-toolbox')?.metadata
        .labels,
    ).toEqual({ 'backstage.io/kubernetes-id': 'debug-toolbox' });
    expect(
      workload('prod-east', 'DaemonSet', 'privacy', 'audit-log-shipper')
        ?.metadata.labels?.['backstage.io/kubernetes-id'],
    ).toBe('audit-log');
    expect(
      sim.cluster('staging').get({
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        namespace: 'revenue-cycle',
        name: 'claims-batch',
      })?.status,
    ).toMatchObject({
      lastScheduleTime: expect.any(String),
      lastSuccessfulTime: expect.any(String),
    });
    const history = sim.cluster('staging').list({
      apiVersion: 'batch/v1',
      kind: 'Job',
      namespace: 'revenue-cycle',
    });
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(
      sim.cluster('staging').get({
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        name: 'clusters.postgresql.cnpg.io',
      }),
    ).toBeDefined();
  });

  it('plays each cluster scenario', () => {
    const portal = workload(
      'prod-east',
      'HorizontalPodAutoscaler',
      'patient-experience',
      'patient-portal',
    );
    expect(portal?.status).toMatchObject({
      currentReplicas: 6,
      desiredReplicas: 6,
    });
    expect(condition(portal, 'ScalingLimited')).toMatchObject({
      status: 'True',
      reason: 'TooManyReplicas',
    });
    expect(
      workload(
        'prod-east',
        'Deployment',
        'patient-experience',
        'patient-portal',
      )?.status,
    ).toMatchObject({ readyReplicas: 6 });
    expect(
      condition(
        workload('prod-west', 'Deployment', 'patient-experience', 'scheduling'),
        'Progressing',
      ),
    ).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    const video = pods('prod-east', 'patient-experience', 'telehealth-video');
    expect(
      video.filter(p => (p.status as { phase: string }).phase === 'Pending'),
    ).toHaveLength(1);
    const statusText = (cluster: string, ns: string, name: string) =>
      JSON.stringify(pods(cluster, ns, name).map(p => p.status));
    expect(statusText('prod-east', 'clinical-data', 'ehr-sync')).toContain(
      'CrashLoopBackOff',
    );
    expect(statusText('prod-west', 'clinical-data', 'lab-results')).toMatch(
      /ErrImagePull|ImagePullBackOff/,
    );
    expect(statusText('prod-west', 'clinical-data', 'lab-results')).toContain(
      'lab-results:3.2.0-rc1',
    );
    expect(
      statusText('prod-west', 'clinical-data', 'imaging-viewer'),
    ).toContain('OOMKilled');
    expect(statusText('staging', 'privacy', 'consent-service')).toContain(
      'ContainersNotReady',
    );
    expect(
      statusText('staging', 'clinical-data', 'fhir-gateway'),
    ).not.toContain('"ready":false');
  });

  it('leaves the intended compliance gaps and is reachable with the default tokens over HTTPS', async () => {
    const viewer = workload(
      'prod-east',
      'Deployment',
      'clinical-data',
      'imaging-viewer',
    )!;
    const spec = (
      viewer.spec as {
        template: {
          spec: {
            serviceAccountName?: string;
            containers: Array<{ securityContext: Record<string, unknown> }>;
          };
        };
      }
    ).template.spec;
    expect(spec.serviceAccountName).toBeUndefined();
    expect(
      spec.containers[0].securityContext.readOnlyRootFilesystem,
    ).toBeUndefined();
    expect(
      sim.cluster('prod-east').get({
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'default',
        name: 'legacy-fax-gateway',
      })?.spec,
    ).toMatchObject({ type: 'NodePort' });
    expect(
      sim.cluster('prod-east').get({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        namespace: 'clinical-data',
        name: 'fhir-gateway',
      }),
    ).toMatchObject({ automountServiceAccountToken: false });
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig({ currentContext: 'staging' }));
    const list = await kc
      .makeApiClient(CoreV1Api)
      .listNamespacedPod({ namespace: 'privacy' });
    expect(list.items.length).toBeGreaterThan(0);
  });
});
