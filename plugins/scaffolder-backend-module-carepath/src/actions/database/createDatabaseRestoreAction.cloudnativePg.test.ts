import { TestDatabases } from '@backstage/backend-test-utils';
import type { KubeObject } from '@carepath/kube-simulator';
import {
  CheckpointStore,
  PlatformTestEnvironment,
} from '../../__testUtils__/PlatformTestEnvironment';
import { createDatabaseBackupAction } from './createDatabaseBackupAction';
import { createDatabaseProvisionAction } from './createDatabaseProvisionAction';
import { createDatabaseRestoreAction } from './createDatabaseRestoreAction';

// Each file starts PostgreSQL and a simulator, which can be slow while
// other suites build or start backends on the same cores.
jest.setTimeout(150_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let env: PlatformTestEnvironment;
const namespace = 'imaging';
const entityRef = 'component:default/dicom-archive';

beforeAll(async () => {
  env = await PlatformTestEnvironment.start({ databases });
  env.namespaces('staging-eu', namespace);
});
afterAll(async () => {
  await env.stop();
});

const restore = () => createDatabaseRestoreAction(env.actionOptions());
const sim = () => env.sim.cluster('staging-eu');
const clusters = () =>
  sim()
    .list({ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', namespace })
    .map(c => c.metadata.name);

describe('carepath:database:restore for CloudNativePG', () => {
  let backupId: string;
  let backupName: string;

  beforeAll(async () => {
    const provisioned = await env.run(
      createDatabaseProvisionAction(env.actionOptions()),
      {
        entityRef,
        name: 'studies',
        provider: 'cloudnative-pg',
        createCluster: true,
        dataClassification: 'phi',
        backupPolicy: { maxAgeHours: 24 },
        cluster: 'staging-eu',
        namespace,
      },
    );
    if (provisioned.error) throw provisioned.error;
    const backedUp = await env.run(
      createDatabaseBackupAction(env.actionOptions()),
      { entityRef, name: 'studies' },
    );
    if (backedUp.error) throw backedUp.error;
    backupId = String(backedUp.outputs.backupId);
    backupName = backupId;
  });

  it('refuses a Backup that has not completed, before anything happens', async () => {
    const run = await env.run(restore(), {
      entityRef,
      name: 'studies',
      backupId,
    });
    expect(run.error?.message).toBe(
      `backupId: the CloudNativePG Backup ${backupName} in namespace imaging of cluster staging-eu has not completed (phase: none yet); restore it once it has`,
    );
    expect(clusters()).toEqual(['studies-db']);
  });

  it('bootstraps a new Cluster from the completed Backup, with the source Cluster settings; dry run and re-runs change nothing more', async () => {
    const backup = sim().get({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Backup',
      namespace,
      name: backupName,
    }) as KubeObject;
    // What CloudNativePG's operator reports once the backup is stored.
    sim().apply(
      { ...backup, status: { phase: 'completed' } },
      { keepStatus: true },
    );

    const dryRun = await env.run(
      restore(),
      { entityRef, name: 'studies', backupId },
      { isDryRun: true },
    );
    expect(dryRun.error).toBeUndefined();
    expect(clusters()).toEqual(['studies-db']);

    const run = await env.run(restore(), {
      entityRef,
      name: 'studies',
      backupId,
    });
    expect(run.error).toBeUndefined();
    const name = `studies-db-restore-${backupId.slice(-6)}`;
    expect(run.outputs).toEqual({
      database: 'studies',
      backupId,
      restoreTest: false,
      cluster: name,
    });
    const recovered = sim().get({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      namespace,
      name,
    });
    expect(recovered?.metadata.annotations).toMatchObject({
      'carepath.io/restored-from': backupId,
      'carepath.io/entity-ref': entityRef,
    });
    expect(recovered?.spec).toMatchObject({
      instances: 3,
      bootstrap: {
        recovery: {
          backup: { name: backupName },
          database: 'studies',
          owner: 'studies',
        },
      },
      managed: {
        roles: [
          expect.objectContaining({
            name: 'studies',
            passwordSecret: { name: 'studies-db-credentials' },
          }),
        ],
      },
    });

    const again = await env.run(
      restore(),
      { entityRef, name: 'studies', backupId },
      { checkpoints: new CheckpointStore() },
    );
    expect(again.error).toBeUndefined();
    expect(clusters().sort()).toEqual(['studies-db', name]);
    expect(
      (await env.trail.list())
        .filter(e => e.details.actionId === 'carepath:database:restore')
        .map(e => e.action),
    ).toEqual([
      'scaffolder.action.rejected',
      'scaffolder.action.started',
      'scaffolder.action.succeeded',
      'scaffolder.action.started',
      'scaffolder.action.succeeded',
    ]);
  });

  it('never recovers into an existing Cluster, or with the postgres-only inputs', async () => {
    const taken = await env.run(restore(), {
      entityRef,
      name: 'studies',
      backupId,
      targetCluster: 'studies-db',
    });
    expect(taken.error?.message).toBe(
      'targetCluster: a Cluster studies-db already exists in namespace imaging of cluster staging-eu; a restore needs a new Cluster',
    );
    const wrongInput = await env.run(restore(), {
      entityRef,
      name: 'studies',
      backupId,
      targetDatabase: 'studies_copy',
    });
    expect(wrongInput.error?.message).toMatch(
      /^targetDatabase: studies is a CloudNativePG database, restored into a new Cluster/,
    );
  });
});
