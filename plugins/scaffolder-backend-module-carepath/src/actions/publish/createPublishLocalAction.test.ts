import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { JsonObject } from '@backstage/types';
import yaml from 'yaml';
import { LocalRepositories } from '../../repos/LocalRepositories';
import { createPublishLocalAction } from './createPublishLocalAction';
import { publishLocalExamples } from './createPublishLocalAction.examples';
import { TestAuditTrail } from '../../__testUtils__/TestAuditTrail';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
let trail: TestAuditTrail;
beforeAll(async () => {
  trail = await TestAuditTrail.create({ databases });
});

let root: string;
let store: string;
let workspace: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'carepath-publish-test-'));
  store = path.join(root, 'repos');
  workspace = path.join(root, 'workspace');
  await mkdir(path.join(workspace, 'kubernetes'), { recursive: true });
  await writeFile(
    path.join(workspace, 'catalog-info.yaml'),
    'kind: Component\nmetadata:\n  name: patient-intake\n',
  );
  await writeFile(
    path.join(workspace, 'kubernetes', 'deployment.yaml'),
    'kind: Deployment\n',
  );
});
afterEach(() => rm(root, { recursive: true, force: true }));

const repositories = () => new LocalRepositories({ directory: store });
const action = () =>
  createPublishLocalAction({
    repositories: repositories(),
    contentsBaseUrl: 'http://localhost:7007/api/scaffolder/carepath/repos',
    author: { name: 'CarePath', email: 'platform@carepath.example' },
    commitMessage: 'Initial commit from a CarePath golden path',
    audit: trail.platformAudit(mockServices.auditor.mock()),
  });

async function run(
  input: JsonObject,
  options: { isDryRun?: boolean; checkpoints?: Map<string, unknown> } = {},
) {
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  const ctx = {
    ...createMockActionContext({ input, workspacePath: workspace }),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    isDryRun: options.isDryRun,
    checkpoint: async <T>(opts: { key: string; fn: () => Promise<T> }) => {
      if (!checkpoints.has(opts.key))
        checkpoints.set(opts.key, await opts.fn());
      return checkpoints.get(opts.key) as T;
    },
  };
  await action().handler(ctx as never);
  return outputs;
}

describe('carepath:publish:local', () => {
  it('publishes the workspace as a bare repository whose files the catalog can read', async () => {
    const input = yaml.parse(publishLocalExamples[0].example).steps[0].input;
    const outputs = await run(input);
    const bare = path.join(store, 'patient-intake.git');
    expect(outputs).toEqual({
      remoteUrl: `file://${bare}`,
      repoContentsUrl:
        'http://localhost:7007/api/scaffolder/carepath/repos/patient-intake/raw/main',
      commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    const files = execFileSync(
      'git',
      ['--git-dir', bare, 'ls-tree', '-r', '--name-only', 'main'],
      {
        encoding: 'utf8',
      },
    );
    expect(files.trim().split('\n')).toEqual([
      'catalog-info.yaml',
      'kubernetes/deployment.yaml',
    ]);
    const catalogInfo = await repositories().readFile({
      name: 'patient-intake',
      ref: 'main',
      filePath: 'catalog-info.yaml',
    });
    expect(catalogInfo.toString()).toContain('name: patient-intake');
  });

  it('is safe to run again in the same task, and never reuses a name across tasks', async () => {
    const checkpoints = new Map<string, unknown>();
    const first = await run({ repoName: 'lab-orders' }, { checkpoints });
    const again = await run({ repoName: 'lab-orders' }, { checkpoints });
    expect(again.commitHash).toBe(first.commitHash);
    await expect(run({ repoName: 'lab-orders' })).rejects.toThrow(
      /a repository named lab-orders already exists/,
    );
  });

  it('creates nothing in a dry run', async () => {
    const outputs = await run({ repoName: 'dry-service' }, { isDryRun: true });
    expect(outputs.commitHash).toBe('dry-run');
    expect(await repositories().exists('dry-service')).toBe(false);
  });

  it.each([
    [{ repoName: '../etc' }, /repoName: must be 3 to 63 lowercase/],
    [{ repoName: 'Patient_Intake' }, /repoName: must be 3 to 63 lowercase/],
    [
      { repoName: 'outside', sourcePath: '../..' },
      /sourcePath: \.\.\/\.\. is outside the workspace/,
    ],
  ])('refuses %j before doing anything', async (input, message) => {
    await expect(run(input)).rejects.toThrow(message);
    expect(await repositories().exists('outside')).toBe(false);
  });

  it('answers for files that are not there with NotFoundError, and refuses paths that climb out', async () => {
    await run({ repoName: 'audit-viewer' });
    await expect(
      repositories().readFile({
        name: 'audit-viewer',
        ref: 'main',
        filePath: 'missing.yaml',
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      repositories().readFile({
        name: 'audit-viewer',
        ref: 'main',
        filePath: '../../etc/passwd',
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });
});
