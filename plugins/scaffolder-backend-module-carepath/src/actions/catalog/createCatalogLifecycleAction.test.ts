import { TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import yaml from 'yaml';
import { PlatformTestEnvironment } from '../../__testUtils__/PlatformTestEnvironment';
import { createCatalogLifecycleAction } from './createCatalogLifecycleAction';
import { catalogLifecycleExamples } from './createCatalogLifecycleAction.examples';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
});
afterAll(async () => {
  await env.stop();
});

const action = () =>
  createCatalogLifecycleAction({
    records: env.records,
    audit: env.audit(),
  });
const changes = async (entityRef: string) =>
  (await env.records.lifecycleChanges(entityRef)).map(
    c => `${c.from ?? ''}->${c.to}`,
  );

describe('carepath:catalog:lifecycle', () => {
  it('runs the examples in order and records each move with who made it', async () => {
    for (const example of catalogLifecycleExamples) {
      const run = await env.run(
        action(),
        yaml.parse(example.example).steps[0].input,
      );
      expect(run.error).toBeUndefined();
    }
    expect(await changes('component:default/patient-records')).toEqual([
      'experimental->production',
      'production->decommissioned',
    ]);
    const [first] = await env.records.lifecycleChanges(
      'component:default/patient-records',
    );
    expect(first.changedBy).toBe('user:default/dana.platform');
  });

  it('records nothing when the lifecycle is unchanged, or in a dry run', async () => {
    const entityRef = 'component:default/rota-planner';
    await env.run(action(), { entityRef, lifecycle: 'production' });
    const again = await env.run(action(), {
      entityRef,
      lifecycle: 'production',
    });
    expect(again.outputs).toEqual({
      from: 'production',
      lifecycle: 'production',
      changed: false,
    });
    const dry = await env.run(
      action(),
      { entityRef, lifecycle: 'deprecated' },
      { isDryRun: true },
    );
    expect(dry.error).toBeUndefined();
    expect(await changes(entityRef)).toEqual(['->production']);
  });

  it('refuses to move a decommissioned service back', async () => {
    const entityRef = 'component:default/old-pager';
    await env.run(action(), {
      entityRef,
      lifecycle: 'decommissioned',
      currentLifecycle: 'deprecated',
    });
    const run = await env.run(action(), { entityRef, lifecycle: 'production' });
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error?.message).toMatch(
      /component:default\/old-pager is decommissioned; it cannot move back to production/,
    );
    expect(await changes(entityRef)).toEqual(['deprecated->decommissioned']);
  });

  it('rejects an unknown lifecycle', async () => {
    const run = await env.run(action(), {
      entityRef: 'component:default/x',
      lifecycle: 'retired',
    });
    expect(run.error?.message).toMatch(/lifecycle: Invalid enum value/);
  });
});
