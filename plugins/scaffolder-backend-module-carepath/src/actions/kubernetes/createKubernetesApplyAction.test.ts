import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'yaml';
import {
  CheckpointStore,
  PlatformTestEnvironment,
} from '../../__testUtils__/PlatformTestEnvironment';
import { deployment } from '../../__testUtils__/workloads';
import { createKubernetesApplyAction } from './createKubernetesApplyAction';
import { kubernetesApplyExamples } from './createKubernetesApplyAction.examples';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces('staging-eu', 'patient-records', 'pharmacy');
});
afterAll(async () => {
  await env.stop();
});

const apply = () => {
  const { clusters, audit } = env.actionOptions();
  return createKubernetesApplyAction({
    clusters,
    audit,
    rolloutPollIntervalMs: 50,
  });
};
const configMap = (name: string, namespace = 'pharmacy') => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data: { a: '1' },
});
const get = (kind: string, namespace: string, name: string) =>
  env.sim.cluster('staging-eu').get({
    apiVersion: kind === 'Deployment' ? 'apps/v1' : 'v1',
    kind,
    namespace,
    name,
  });

async function workspace(
  files: Record<string, unknown[] | string>,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'carepath-workspace-'));
  for (const [path, docs] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(
      join(dir, path),
      typeof docs === 'string'
        ? docs
        : docs.map(d => yaml.stringify(d)).join('---\n'),
    );
  }
  return dir;
}

describe('carepath:kubernetes:apply', () => {
  it.each(kubernetesApplyExamples.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_d, example) => {
      const workspacePath = await workspace({
        'kubernetes/app.yaml': [
          deployment({
            name: 'records-api',
            namespace: 'patient-records',
            kubernetesId: 'patient-records',
          }),
        ],
      });
      const run = await env.run(apply(), yaml.parse(example).steps[0].input, {
        workspacePath,
      });
      expect(run.error).toBeUndefined();
    },
  );

  it('applies every workspace manifest, waits for the rollout, and changes nothing when run again', async () => {
    const workspacePath = await workspace({
      'kubernetes/deployment.yaml': [
        deployment({
          name: 'dispense-api',
          namespace: 'pharmacy',
          kubernetesId: 'dispense',
          replicas: 2,
        }),
      ],
      'kubernetes/config/settings.yaml': [
        configMap('dispense-settings'),
        configMap('dispense-flags'),
      ],
    });
    const input = {
      cluster: 'staging-eu',
      waitForRollout: { timeoutSeconds: 20 },
    };
    const run = await env.run(apply(), input, { workspacePath });
    expect(run.error).toBeUndefined();
    expect(run.outputs.applied).toEqual([
      'ConfigMap pharmacy/dispense-settings',
      'ConfigMap pharmacy/dispense-flags',
      'Deployment pharmacy/dispense-api',
    ]);
    expect(run.logs.join('\n')).toMatch(
      /Deployment pharmacy\/dispense-api: Rolled out: 2 of 2 replicas available/,
    );
    const managers = (
      get('Deployment', 'pharmacy', 'dispense-api')?.metadata.managedFields ??
      []
    ).map(f => f.manager);
    expect(managers).toContain('carepath');
    const version = get('ConfigMap', 'pharmacy', 'dispense-settings')?.metadata
      .resourceVersion;
    const again = await env.run(apply(), input, { workspacePath });
    expect(again.error).toBeUndefined();
    expect(
      get('ConfigMap', 'pharmacy', 'dispense-settings')?.metadata
        .resourceVersion,
    ).toBe(version);
  });

  it('resumes after a crash without re-applying what was applied', async () => {
    const manifests = [configMap('resume-one'), configMap('resume-two')];
    const checkpoints = new CheckpointStore().crashBeforeNext(/resume-two/);
    const crashed = await env.run(
      apply(),
      { cluster: 'staging-eu', manifests },
      { checkpoints },
    );
    expect(crashed.error?.message).toMatch(/simulated crash/);
    expect(get('ConfigMap', 'pharmacy', 'resume-two')).toBeUndefined();
    const retried = await env.run(
      apply(),
      { cluster: 'staging-eu', manifests },
      { checkpoints },
    );
    expect(retried.error).toBeUndefined();
    expect(retried.logs.join('\n')).not.toContain('resume-one');
    expect(get('ConfigMap', 'pharmacy', 'resume-two')).toBeDefined();
  });

  it('changes nothing in a dry run', async () => {
    const run = await env.run(
      apply(),
      { cluster: 'staging-eu', manifests: [configMap('dry-run-only')] },
      { isDryRun: true },
    );
    expect(run.error).toBeUndefined();
    expect(run.logs.join('\n')).toContain('dryRun=All');
    expect(get('ConfigMap', 'pharmacy', 'dry-run-only')).toBeUndefined();
  });

  it.each([
    ['crashloop', /CrashLoopBackOff/],
    ['image-pull', /ImagePullBackOff|ErrImagePull/],
  ])('fails a %s rollout with the pod reasons', async (scenario, reason) => {
    const object = deployment({
      name: `failing-${scenario}`,
      namespace: 'pharmacy',
      kubernetesId: 'failing',
    });
    const manifests = [
      {
        ...object,
        metadata: {
          ...object.metadata,
          annotations: { 'carepath.io/simulate': scenario },
        },
      },
    ];
    const run = await env.run(apply(), {
      cluster: 'staging-eu',
      manifests,
      waitForRollout: { timeoutSeconds: 2 },
    });
    expect(run.error?.message).toMatch(
      new RegExp(
        `Deployment pharmacy/failing-${scenario} in cluster staging-eu did not roll out within 2s: .*`,
      ),
    );
    expect(run.error?.message).toMatch(reason);
  });

  it.each([
    [
      'an unknown cluster',
      { cluster: 'moon-1', manifests: [configMap('x')] },
      /cluster: unknown cluster "moon-1"; known clusters: staging-eu, production-eu/,
    ],
    [
      'a path outside the workspace',
      { cluster: 'staging-eu', path: '../../etc' },
      /path: \.\.\/\.\.\/etc is outside the workspace/,
    ],
    [
      'an object without a name',
      {
        cluster: 'staging-eu',
        manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }],
      },
      /manifests\[0\]: missing metadata.name/,
    ],
    [
      'an object without a namespace',
      {
        cluster: 'staging-eu',
        manifests: [
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } },
        ],
      },
      /namespace: ConfigMap x names no namespace/,
    ],
  ])('rejects %s before anything happens', async (_case, input, message) => {
    const run = await env.run(apply(), input, {
      workspacePath: await workspace({}),
    });
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error?.message).toMatch(message);
  });

  it('applies to every cluster of an environment, and names the known environments', async () => {
    env.namespaces('production-eu', 'pharmacy');
    const run = await env.run(apply(), {
      environment: 'production',
      manifests: [configMap('per-environment')],
    });
    expect(run.error).toBeUndefined();
    expect(run.outputs.clusters).toEqual(['production-eu']);
    expect(
      env.sim.cluster('production-eu').get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'pharmacy',
        name: 'per-environment',
      }),
    ).toBeDefined();
    expect(get('ConfigMap', 'pharmacy', 'per-environment')).toBeUndefined();
    const unknown = await env.run(apply(), {
      environment: 'qa',
      manifests: [configMap('x')],
    });
    expect(unknown.error?.message).toMatch(
      /environment: unknown environment "qa"; known environments: staging, production/,
    );
    const both = await env.run(apply(), {
      environment: 'staging',
      cluster: 'staging-eu',
      manifests: [configMap('x')],
    });
    expect(both.error?.message).toMatch(/give either cluster or environment/);
  });

  it('names the file, line and column of a YAML error', async () => {
    const workspacePath = await workspace({
      'kubernetes/bad.yaml': 'kind: ConfigMap\nmetadata: [unclosed\n',
    });
    const run = await env.run(
      apply(),
      { cluster: 'staging-eu' },
      { workspacePath },
    );
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error?.message).toMatch(
      /kubernetes\/bad.yaml: line \d+, column \d+/,
    );
  });

  it('never reveals Secret manifest data in a log line, output, error or audit event', async () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'api-key', namespace: 'pharmacy' },
      stringData: { key: 'do-not-log-3f9a1c' },
    };
    const run = await env.run(apply(), {
      cluster: 'staging-eu',
      manifests: [secret],
    });
    expect(run.error).toBeUndefined();
    const failed = await env.run(apply(), {
      cluster: 'nowhere',
      manifests: [secret],
    });
    expect(failed.error).toBeInstanceOf(InputError);
    expect(
      env.transcript.filter(line => line.includes('do-not-log-3f9a1c')),
    ).toEqual([]);
    expect(env.auditEvents.at(-1)?.meta?.input).toMatchObject({
      manifests: ['Secret pharmacy api-key'],
    });
  });
});
