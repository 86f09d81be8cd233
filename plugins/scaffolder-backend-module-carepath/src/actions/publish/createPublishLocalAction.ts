import type { PlatformAudit } from '../../audit/PlatformAudit';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import {
  LocalRepositories,
  repositoryNamePattern,
} from '../../repos/LocalRepositories';
import { parseActionInput } from '../inputRules';
import { publishLocalExamples } from './createPublishLocalAction.examples';

const inputShape = {
  repoName: (zImpl: typeof z) =>
    zImpl
      .string()
      .regex(repositoryNamePattern, {
        message:
          'must be 3 to 63 lowercase letters, digits and hyphens, starting with a letter',
      })
      .describe('Name of the new repository, usually the service name'),
  sourcePath: (zImpl: typeof z) =>
    zImpl
      .string()
      .default('./')
      .describe(
        'Folder of the workspace to publish; the whole workspace by default',
      ),
  defaultBranch: (zImpl: typeof z) =>
    zImpl
      .string()
      .regex(/^[\w.-]+$/)
      .default('main')
      .describe('Branch the first commit goes to'),
};

const outputShape = {
  remoteUrl: (zImpl: typeof z) =>
    zImpl.string().describe('Where to clone the repository from (a file URL)'),
  repoContentsUrl: (zImpl: typeof z) =>
    zImpl
      .string()
      .describe(
        'URL of the published files, for catalog:register (repoContentsUrl + catalogInfoPath)',
      ),
  commitHash: (zImpl: typeof z) => zImpl.string().describe('The first commit'),
};

const inputSchema = z.object({
  repoName: inputShape.repoName(z),
  sourcePath: inputShape.sourcePath(z),
  defaultBranch: inputShape.defaultBranch(z),
});

/**
 * `carepath:publish:local`: publishes the workspace as a new bare git
 * repository in the local store (`carepath.publishLocal.directory`). The
 * embedded default uses it where production publishes to GitHub.
 *
 * @public
 */
export function createPublishLocalAction(options: {
  repositories: LocalRepositories;
  /** Where the portal serves the store's files, e.g. http://localhost:7007/api/scaffolder/carepath/repos */
  contentsBaseUrl: string;
  author: { name: string; email: string };
  commitMessage: string;
  audit: PlatformAudit;
}) {
  return createTemplateAction({
    id: 'carepath:publish:local',
    description:
      'Publishes the workspace as a new git repository in the local store (the embedded default; production publishes to GitHub)',
    examples: publishLocalExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'publish-local',
          actionId: 'carepath:publish:local',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          const sourceDir = path.resolve(ctx.workspacePath, input.sourcePath);
          const relative = path.relative(ctx.workspacePath, sourceDir);
          if (relative.startsWith('..') || path.isAbsolute(relative)) {
            throw new InputError(
              `sourcePath: ${input.sourcePath} is outside the workspace`,
            );
          }
          const remoteUrl = `file://${options.repositories.pathOf(
            input.repoName,
          )}`;
          const repoContentsUrl = `${options.contentsBaseUrl}/${input.repoName}/raw/${input.defaultBranch}`;
          await auditAction(
            {
              audit: options.audit,
              eventId: 'publish-local',
              actionId: 'carepath:publish:local',
              user: ctx.user,
              entityRef: undefined,
              input,
              isDryRun: ctx.isDryRun,
              taskId: ctx.task.id,
            },
            async () => {
              if (ctx.isDryRun) {
                ctx.logger.info(
                  `Dry run: would publish ${input.sourcePath} as ${remoteUrl}`,
                );
                ctx.output('commitHash', 'dry-run');
                return;
              }
              const { commitHash } = await ctx.checkpoint({
                key: `carepath:publish:local:${input.repoName}`,
                fn: () =>
                  options.repositories.publish({
                    name: input.repoName,
                    sourceDir,
                    branch: input.defaultBranch,
                    author: options.author,
                    message: options.commitMessage,
                  }),
              });
              ctx.logger.info(
                `Published ${input.repoName} (${commitHash.slice(
                  0,
                  12,
                )}) to ${remoteUrl}`,
              );
              ctx.output('commitHash', commitHash);
            },
          );
          ctx.output('remoteUrl', remoteUrl);
          ctx.output('repoContentsUrl', repoContentsUrl);
        },
      );
    },
  });
}
