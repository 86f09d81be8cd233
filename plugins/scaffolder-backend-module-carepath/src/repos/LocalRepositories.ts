import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';

const run = promisify(execFile);

/** Repository names: what a service name may be, so that paths stay inside the store. */
export const repositoryNamePattern = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * Bare git repositories in one folder: where the embedded default publishes
 * golden paths when there is no GitHub. Uses the machine's `git`.
 *
 * @public
 */
export class LocalRepositories {
  constructor(private readonly options: { directory: string }) {}

  /** Absolute path of a repository's bare directory. */
  pathOf(name: string): string {
    if (!repositoryNamePattern.test(name)) {
      throw new InputError(
        `repoName: "${name}" must be 3 to 63 lowercase letters, digits and hyphens, starting with a letter`,
      );
    }
    return path.join(this.options.directory, `${name}.git`);
  }

  async exists(name: string): Promise<boolean> {
    return stat(this.pathOf(name)).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
  }

  /**
   * Creates the repository and pushes the files of `sourceDir` as its first
   * commit. Refuses a repository that already exists: a name is never reused.
   */
  async publish(options: {
    name: string;
    sourceDir: string;
    branch: string;
    author: { name: string; email: string };
    message: string;
  }): Promise<{ commitHash: string }> {
    const bare = this.pathOf(options.name);
    if (await this.exists(options.name)) {
      throw new ConflictError(
        `repoName: a repository named ${options.name} already exists in the local store; choose another name`,
      );
    }
    if ((await readdir(options.sourceDir)).length === 0) {
      throw new InputError(
        `sourcePath: ${options.sourceDir} holds no files to publish`,
      );
    }
    const work = await mkdtemp(path.join(os.tmpdir(), 'carepath-publish-'));
    try {
      await cp(options.sourceDir, work, { recursive: true });
      const git = (args: string[], cwd = work) =>
        run('git', args, {
          cwd,
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: options.author.name,
            GIT_AUTHOR_EMAIL: options.author.email,
            GIT_COMMITTER_NAME: options.author.name,
            GIT_COMMITTER_EMAIL: options.author.email,
          },
        });
      await git(['init', '--quiet', `--initial-branch=${options.branch}`]);
      await git(['add', '--all']);
      await git([
        'commit',
        '--quiet',
        '--no-gpg-sign',
        '--message',
        options.message,
      ]);
      await run('git', [
        'init',
        '--quiet',
        '--bare',
        `--initial-branch=${options.branch}`,
        bare,
      ]);
      await git(['push', '--quiet', bare, `HEAD:refs/heads/${options.branch}`]);
      const { stdout } = await git(['rev-parse', 'HEAD']);
      return { commitHash: stdout.trim() };
    } catch (error) {
      // Nothing half-made stays behind: a failed publish leaves no repository.
      await rm(bare, { recursive: true, force: true });
      throw error;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** One file of a branch or commit, for readers such as the catalog. */
  async readFile(options: {
    name: string;
    ref: string;
    filePath: string;
  }): Promise<Buffer> {
    if (!(await this.exists(options.name))) {
      throw new NotFoundError(`No repository named ${options.name}`);
    }
    if (!/^[\w./-]+$/.test(options.ref) || options.ref.includes('..')) {
      throw new InputError(`"${options.ref}" is not a branch or commit`);
    }
    const filePath = path.posix.normalize(options.filePath).replace(/^\/+/, '');
    if (filePath.startsWith('..')) {
      throw new InputError(`"${options.filePath}" is outside the repository`);
    }
    try {
      const { stdout } = await run(
        'git',
        [
          '--git-dir',
          this.pathOf(options.name),
          'show',
          `${options.ref}:${filePath}`,
        ],
        { encoding: 'buffer', maxBuffer: 20 * 1024 * 1024 },
      );
      return stdout;
    } catch (error) {
      throw new NotFoundError(
        `No file ${filePath} at ${options.ref} in ${options.name}`,
        error,
      );
    }
  }
}
