import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { PlatformAudit } from '../../audit/PlatformAudit';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ControlSet,
  evaluateManifests,
  formatViolations,
  hipaaControlsSource,
  hipaaControlsYaml,
  parseControls,
} from '@carepath/plugin-compliance-common';
import { InputError } from '@backstage/errors';
import { readFile } from 'node:fs/promises';
import { z } from 'zod/v3';
import { auditAction, auditRejections } from '../../audit/auditAction';
import { readWorkspaceFiles } from '../../kubernetes/readManifests';
import { parseActionInput } from '../inputRules';
import { complianceCheckExamples } from './createComplianceCheckAction.examples';

const inputShape = {
  path: (zImpl: typeof z) =>
    zImpl
      .string()
      .default('kubernetes/')
      .describe(
        "Folder of the repository's Kubernetes manifests in the workspace",
      ),
  catalogInfoPath: (zImpl: typeof z) =>
    zImpl
      .string()
      .default('catalog-info.yaml')
      .describe("The repository's catalog-info.yaml in the workspace"),
};

const outputShape = {
  passed: (zImpl: typeof z) => zImpl.boolean().describe('No violations'),
  violations: (zImpl: typeof z) =>
    zImpl.number().describe('Number of violations'),
  passedControls: (zImpl: typeof z) =>
    zImpl.number().describe('Controls that passed'),
  failedControls: (zImpl: typeof z) =>
    zImpl.number().describe('Controls that failed'),
  notApplicableControls: (zImpl: typeof z) =>
    zImpl.number().describe('Controls that did not apply'),
  controlsVersion: (zImpl: typeof z) =>
    zImpl.string().describe('Version of the controls used'),
};

const inputSchema = z.object({
  path: inputShape.path(z),
  catalogInfoPath: inputShape.catalogInfoPath(z),
});

/**
 * `carepath:compliance:check`: runs the HIPAA-mapped controls over a
 * rendered repository and fails the step with every violation.
 *
 * @public
 */
export function createComplianceCheckAction(options: {
  audit: PlatformAudit;
  /** Defaults to the shipped HIPAA controls. */
  controls?: ControlSet;
}) {
  const controls =
    options.controls ??
    parseControls(hipaaControlsYaml, { source: hipaaControlsSource });
  return createTemplateAction({
    id: 'carepath:compliance:check',
    description:
      "Checks the workspace's Kubernetes manifests and catalog-info.yaml against CarePath's HIPAA-mapped controls; fails with each violation, its citation, file, field and fix",
    examples: complianceCheckExamples,
    supportsDryRun: true,
    schema: { input: inputShape, output: outputShape },
    async handler(ctx) {
      await auditRejections(
        {
          audit: options.audit,
          eventId: 'compliance-check',
          actionId: 'carepath:compliance:check',
        },
        ctx,
        async () => {
          const input = parseActionInput(inputSchema, ctx.input);
          const files = await readWorkspaceFiles({
            workspacePath: ctx.workspacePath,
            path: input.path,
          });
          let catalogPath: string;
          try {
            catalogPath = resolveSafeChildPath(
              ctx.workspacePath,
              input.catalogInfoPath,
            );
          } catch (error) {
            throw new InputError(
              `catalogInfoPath: ${
                input.catalogInfoPath
              } is outside the workspace (${
                error instanceof Error ? error.message : String(error)
              })`,
            );
          }
          const catalogText = await readFile(catalogPath, 'utf8').catch(
            (error: NodeJS.ErrnoException) => {
              if (error.code === 'ENOENT') {
                throw new InputError(
                  `catalogInfoPath: ${input.catalogInfoPath} does not exist in the workspace`,
                );
              }
              throw error;
            },
          );
          await auditAction(
            {
              audit: options.audit,
              eventId: 'compliance-check',
              severityLevel: 'low',
              actionId: 'carepath:compliance:check',
              user: ctx.user,
              input,
              isDryRun: ctx.isDryRun,
              taskId: ctx.task.id,
            },
            async () => {
              let evaluation;
              try {
                evaluation = evaluateManifests(
                  {
                    files,
                    catalogInfo: {
                      path: input.catalogInfoPath,
                      text: catalogText,
                    },
                  },
                  controls,
                );
              } catch (error) {
                throw new InputError(
                  error instanceof Error ? error.message : String(error),
                );
              }
              const count = (status: string) =>
                evaluation.results.filter(r => r.status === status).length;
              const outputs = {
                passed: evaluation.passed,
                violations: evaluation.violations.length,
                passedControls: count('pass'),
                failedControls: count('fail'),
                notApplicableControls: count('not-applicable'),
                controlsVersion: evaluation.controlsVersion,
              };
              for (const [key, value] of Object.entries(outputs)) {
                ctx.output(key as keyof typeof outputs, value);
              }
              ctx.logger.info(
                `Compliance check (controls ${evaluation.controlsVersion}) over ${files.length} manifest files and ${input.catalogInfoPath}: ${outputs.passedControls} passed, ${outputs.failedControls} failed, ${outputs.notApplicableControls} not applicable`,
              );
              if (!evaluation.passed) {
                const report = formatViolations(evaluation.violations);
                ctx.logger.error(report);
                throw new Error(report);
              }
              return outputs;
            },
          );
        },
      );
    },
  });
}
