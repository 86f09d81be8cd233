import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import yaml from 'yaml';
import { PlatformTestEnvironment } from '../../__testUtils__/PlatformTestEnvironment';
import { deployment } from '../../__testUtils__/workloads';
import { createKubernetesScaleAction } from './createKubernetesScaleAction';
import { kubernetesScaleExamples } from './createKubernetesScaleAction.examples';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces('staging-eu', 'patient-records');
  env.sim.cluster('staging-eu').apply(
    deployment({
      name: 'records-api',
      namespace: 'patient-records',
      kubernetesId: 'patient-records',
      replicas: 3,
    }),
  );
});
afterAll(async () => {
  await env.stop();
});

const scale = () => {
  const { clusters, audit } = env.actionOptions();
  return createKubernetesScaleAction({ clusters, audit });
};
const replicas = () =>
  (
    env.sim.cluster('staging-eu').get({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'patient-records',
      name: 'records-api',
    })?.spec as { replicas: number }
  ).replicas;
const input = (n: number) => ({
  cluster: 'staging-eu',
  namespace: 'patient-records',
  name: 'records-api',
  replicas: n,
});

describe('carepath:kubernetes:scale', () => {
  it('changes nothing in a dry run', async () => {
    const run = await env.run(scale(), input(1), { isDryRun: true });
    expect(run.error).toBeUndefined();
    expect(run.outputs).toEqual({ previousReplicas: 3, replicas: 1 });
    expect(replicas()).toBe(3);
  });

  it('runs the example: scales to zero, and a second run changes nothing', async () => {
    const run = await env.run(
      scale(),
      yaml.parse(kubernetesScaleExamples[0].example).steps[0].input,
    );
    expect(run.error).toBeUndefined();
    expect(replicas()).toBe(0);
    const again = await env.run(scale(), input(0));
    expect(again.outputs).toEqual({ previousReplicas: 0, replicas: 0 });
    expect(again.logs.join('\n')).toContain('(unchanged)');
  });

  it('names the workload when it does not exist', async () => {
    const run = await env.run(scale(), { ...input(1), name: 'missing' });
    expect(run.error?.message).toMatch(
      /reading the scale of Deployment patient-records\/missing in cluster staging-eu failed: HTTP 404/,
    );
  });

  it.each([
    [
      'negative replicas',
      { ...input(-1) },
      /replicas: Number must be greater than or equal to 0/,
    ],
    [
      'an unknown cluster',
      { ...input(1), cluster: 'nowhere' },
      /cluster: unknown cluster "nowhere"/,
    ],
    [
      'an unknown kind',
      { ...input(1), kind: 'DaemonSet' },
      /kind: Invalid enum value/,
    ],
  ])('rejects %s before anything happens', async (_case, bad, message) => {
    const run = await env.run(scale(), bad);
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error?.message).toMatch(message);
  });
});
