import { TestDatabases } from '@backstage/backend-test-utils';
import {
  CheckpointStore,
  PlatformTestEnvironment,
} from '../__testUtils__/PlatformTestEnvironment';
import { createKubernetesApplyAction } from '../actions/kubernetes/createKubernetesApplyAction';
import { createKubernetesScaleAction } from '../actions/kubernetes/createKubernetesScaleAction';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;
const cluster = 'production-eu';
/** Far longer than the timeout: a call that waited for it would be obvious. */
const latencyMs = 8000;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces(cluster, 'radiology');
});
afterAll(async () => {
  await env.stop();
});
afterEach(() => env.sim.cluster(cluster).setLatency(0));

const options = () => env.actionOptions({ requestTimeoutSeconds: 0.5 });
const configMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'viewer-settings', namespace: 'radiology' },
  data: { theme: 'dark' },
};

describe('Kubernetes calls of the actions', () => {
  it('give up after the request timeout with an error naming the cluster and the operation, and a retry completes', async () => {
    const apply = createKubernetesApplyAction(options());
    const checkpoints = new CheckpointStore();
    env.sim.cluster(cluster).setLatency(latencyMs);
    const started = Date.now();
    const slow = await env.run(
      apply,
      { cluster, manifests: [configMap] },
      { checkpoints },
    );
    expect(Date.now() - started).toBeLessThan(latencyMs);
    expect(slow.error?.message).toBe(
      'applying ConfigMap radiology/viewer-settings to cluster production-eu failed: timed out: the API server did not answer within 0.5 s (carepath.kubernetes.requestTimeoutSeconds)',
    );
    expect(await env.trail.list()).toContainEqual(
      expect.objectContaining({
        action: 'scaffolder.action.failed',
        details: expect.objectContaining({
          error: expect.stringMatching(/production-eu failed: timed out/),
        }),
      }),
    );

    env.sim.cluster(cluster).setLatency(0);
    const retried = await env.run(
      apply,
      { cluster, manifests: [configMap] },
      { checkpoints },
    );
    expect(retried.error).toBeUndefined();
    expect(
      env.sim.cluster(cluster).get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'radiology',
        name: 'viewer-settings',
      }),
    ).toMatchObject({ data: { theme: 'dark' } });
  });

  it('bound the typed API calls too (scale reads through the apps API)', async () => {
    env.sim.cluster(cluster).setLatency(latencyMs);
    const started = Date.now();
    const run = await env.run(createKubernetesScaleAction(options()), {
      cluster,
      namespace: 'radiology',
      kind: 'Deployment',
      name: 'pacs-viewer',
      replicas: 0,
    });
    expect(Date.now() - started).toBeLessThan(latencyMs);
    expect(run.error?.message).toBe(
      'reading the scale of Deployment radiology/pacs-viewer in cluster production-eu failed: timed out: the API server did not answer within 0.5 s (carepath.kubernetes.requestTimeoutSeconds)',
    );
  });

  it('leave calls that answer in time alone', async () => {
    env.sim.cluster(cluster).setLatency(100);
    const run = await env.run(createKubernetesApplyAction(options()), {
      cluster,
      manifests: [{ ...configMap, data: { theme: 'light' } }],
    });
    expect(run.error).toBeUndefined();
  });
});
