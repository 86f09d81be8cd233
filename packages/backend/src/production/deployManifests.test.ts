import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  installCloudNativePgCrds,
  startKubeSimulator,
  type KubeSimulator,
} from '@carepath/kube-simulator';
import {
  evaluateManifests,
  hipaaControlsSource,
  hipaaControlsYaml,
  parseControls,
} from '@carepath/plugin-compliance-common';
import {
  objectOf,
  renderOverlay,
  repoRoot,
  type RenderedOverlay,
} from './__testUtils__/renderOverlay';

const overlays = ['staging', 'production'];

/** The kinds fleet-backend lists and watches, as RBAC resources. */
const fleetResources = {
  '': ['events', 'pods', 'serviceaccounts', 'services'],
  apps: ['daemonsets', 'deployments', 'replicasets', 'statefulsets'],
  autoscaling: ['horizontalpodautoscalers'],
  batch: ['cronjobs', 'jobs'],
  'networking.k8s.io': ['ingresses', 'networkpolicies'],
  policy: ['poddisruptionbudgets'],
};

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };
type Container = {
  image: string;
  env: Array<{ name: string; value?: string }>;
  envFrom: Array<{ configMapRef?: { name: string } }>;
  startupProbe: { httpGet: { path: string } };
  readinessProbe: { httpGet: { path: string } };
  livenessProbe: { httpGet: { path: string } };
};
type Deployment = {
  spec: { replicas: number; template: { spec: { containers: Container[] } } };
};
type Binding = {
  roleRef: { name: string };
  subjects?: Array<{ name: string }>;
};

describe.each(overlays)('deploy/kubernetes/overlays/%s', overlay => {
  let rendered: RenderedOverlay;
  beforeAll(async () => {
    rendered = await renderOverlay(overlay);
  });

  it('passes every CarePath control judgeable from manifests', async () => {
    const evaluation = evaluateManifests(
      {
        files: [{ path: `overlays/${overlay}`, text: rendered.text }],
        catalogInfo: {
          path: 'catalog-info.yaml',
          text: await readFile(
            path.join(repoRoot, 'catalog-info.yaml'),
            'utf8',
          ),
        },
      },
      parseControls(hipaaControlsYaml, { source: hipaaControlsSource }),
    );
    expect(evaluation.violations).toEqual([]);
    const passed = evaluation.results
      .filter(r => r.status === 'pass')
      .map(r => r.controlId);
    // The workload, network and resilience controls were judged, not skipped.
    expect(passed).toEqual(
      expect.arrayContaining([
        'CP-IAM-01',
        'CP-IAM-02',
        'CP-INT-01',
        'CP-INT-02',
        'CP-INT-03',
        'CP-INT-04',
        'CP-INT-05',
        'CP-TX-01',
        'CP-TX-02',
        'CP-CON-03',
        'CP-CON-04',
      ]),
    );
  });

  it('runs two or more replicas behind probes on the Backstage health endpoints', () => {
    const deployment = objectOf(
      rendered,
      'Deployment',
      'carepath',
    ) as unknown as Deployment;
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    const hpa = objectOf(
      rendered,
      'HorizontalPodAutoscaler',
      'carepath',
    ) as unknown as { spec: { minReplicas: number } };
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    const [container] = deployment.spec.template.spec.containers;
    expect(container.readinessProbe.httpGet.path).toBe(
      '/.backstage/health/v1/readiness',
    );
    // A backend whose start-up failed stays live but never ready.
    expect(container.startupProbe.httpGet.path).toBe(
      '/.backstage/health/v1/readiness',
    );
    expect(container.livenessProbe.httpGet.path).toBe(
      '/.backstage/health/v1/liveness',
    );
    expect(container.image).toMatch(/:\d+\.\d+\.\d+$/);
  });

  it('references every secret and inlines none', () => {
    const secrets = rendered.objects.filter(o => o.kind === 'Secret');
    for (const secret of secrets) {
      expect(secret).toMatchObject({
        type: 'kubernetes.io/service-account-token',
      });
      expect(secret).not.toHaveProperty('data');
      expect(secret).not.toHaveProperty('stringData');
    }
    const deployment = objectOf(
      rendered,
      'Deployment',
      'carepath',
    ) as unknown as Deployment;
    const env = deployment.spec.template.spec.containers[0].env;
    expect(env.filter(e => e.value !== undefined)).toEqual([]);
  });

  it('gives the backend every variable the production and site config read', async () => {
    const deployment = objectOf(
      rendered,
      'Deployment',
      'carepath',
    ) as unknown as Deployment;
    const [container] = deployment.spec.template.spec.containers;
    const configMap = (name: string) =>
      objectOf(rendered, 'ConfigMap', name) as unknown as {
        data: Record<string, string>;
      };
    const provided = new Set([
      ...container.env.map(e => e.name),
      ...container.envFrom.flatMap(e =>
        e.configMapRef ? Object.keys(configMap(e.configMapRef.name).data) : [],
      ),
    ]);
    // The site file as mounted: the generated ConfigMap's content.
    const siteConfig = rendered.objects.find(
      o =>
        o.kind === 'ConfigMap' &&
        o.metadata.name.startsWith('carepath-app-config'),
    ) as unknown as { data: Record<string, string> };
    const texts = [
      await readFile(path.join(repoRoot, 'app-config.production.yaml'), 'utf8'),
      siteConfig.data['app-config.site.yaml'],
    ];
    const read = texts.flatMap(text =>
      [...text.matchAll(/\$\{(\w+)\}/g)].map(m => m[1]),
    );
    expect(read.length).toBeGreaterThan(10);
    expect([...new Set(read)].filter(name => !provided.has(name))).toEqual([]);
  });

  it('grants the fleet reader get/list/watch on exactly the kinds fleet-backend watches', () => {
    const role = objectOf(rendered, 'ClusterRole', 'carepath-fleet-reader');
    const rules = role.rules as Rule[];
    const granted: Record<string, string[]> = {};
    for (const rule of rules) {
      expect(rule.verbs).toEqual(['get', 'list', 'watch']);
      for (const group of rule.apiGroups) {
        granted[group] = [...(granted[group] ?? []), ...rule.resources].sort();
      }
    }
    expect(granted).toEqual(fleetResources);
  });

  it('gives the write identity rights only through RoleBindings in managed namespaces', () => {
    const subject = (o: unknown) =>
      ((o as Binding).subjects ?? []).some(
        s => s.name === 'carepath-platform-actions',
      );
    expect(
      rendered.objects.filter(
        o => o.kind === 'ClusterRoleBinding' && subject(o),
      ),
    ).toEqual([]);
    const bindings = rendered.objects.filter(
      o => o.kind === 'RoleBinding' && subject(o),
    );
    expect(bindings.length).toBeGreaterThan(0);
    for (const binding of bindings) {
      expect(binding.metadata.namespace).not.toBe('carepath');
      const role = rendered.objects.find(
        o =>
          o.kind === 'Role' &&
          o.metadata.namespace === binding.metadata.namespace &&
          o.metadata.name === (binding as unknown as Binding).roleRef.name,
      );
      expect(role).toBeDefined();
      const resources = (role!.rules as Rule[]).flatMap(r => r.resources);
      expect(resources).not.toContain('namespaces');
      expect(resources).not.toContain('roles');
      expect(resources).not.toContain('rolebindings');
    }
  });
});

describe('server-side dry-run apply to a cluster', () => {
  let sim: KubeSimulator;
  let dir: string;
  beforeAll(async () => {
    sim = await startKubeSimulator({
      fleet: 'empty',
      clusters: [{ name: 'staging' }, { name: 'prod-east' }],
      port: 0,
      controlPort: false,
      podReadyDelayMs: 0,
    });
    dir = await mkdtemp(path.join(tmpdir(), 'carepath-deploy-'));
    await sim.writeKubeconfig(path.join(dir, 'kubeconfig'));
  });
  afterAll(async () => {
    await sim?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['staging', 'staging'],
    ['production', 'prod-east'],
  ])('%s applies cleanly to %s', async (overlay, clusterName) => {
    const rendered = await renderOverlay(overlay);
    // What a cluster has before the portal is deployed: the CloudNativePG
    // operator's CRDs and the team namespaces the platform manages.
    const cluster = sim.cluster(clusterName);
    installCloudNativePgCrds(cluster);
    const namespaces = new Set(
      rendered.objects
        .map(o => o.metadata.namespace)
        .filter((ns): ns is string => !!ns && ns !== 'carepath'),
    );
    for (const name of namespaces) {
      cluster.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
      });
    }
    const kubectl = (args: string[], input?: string) =>
      new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
        const child = execFile(
          'kubectl',
          [
            `--kubeconfig=${path.join(dir, 'kubeconfig')}`,
            `--context=${clusterName}`,
            '--field-manager=carepath-deploy',
            ...args,
          ],
          (error, stdout, stderr) =>
            error
              ? reject(new Error(`${error.message}${stderr}`))
              : resolve({ stdout, stderr }),
        );
        child.stdin?.end(input);
      });
    // A real API server refuses namespaced objects in a namespace that does
    // not exist yet, dry run or not: the portal's namespace is applied first.
    const namespace = objectOf(rendered, 'Namespace', 'carepath');
    await kubectl(['apply', '--server-side', '-f', '-'], stringify(namespace));
    const { stdout, stderr } = await kubectl(
      ['apply', '--server-side', '--dry-run=server', '-f', '-'],
      rendered.text,
    );
    expect(stderr).toBe('');
    const applied = stdout.trim().split('\n');
    expect(applied).toHaveLength(rendered.objects.length);
    for (const line of applied) {
      expect(line).toMatch(/ serverside-applied \(server dry run\)$/);
    }
  });
});
