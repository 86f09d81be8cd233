import { z } from 'zod';
import type { Evaluator } from './Evaluator';
import { judgeWorkloads } from './judgeWorkloads';
import { containersOf } from './containersOf';
import { workloadLabel } from './describeWorkload';
import { imageReference } from './imageReference';

const DIGEST = /^sha256:[a-f0-9]{64}$/;

function isRegExp(pattern: string): boolean {
  try {
    return new RegExp(pattern) instanceof RegExp;
  } catch {
    return false;
  }
}

const params = z.strictObject({
  /** Tags that count as an exact version. Default: `1.4.2`, `v1.4.2`, `1.4.2-rc.1`, `1.4.2+build.7`. */
  versionTagPattern: z
    .string()
    .refine(isRegExp, 'expected a valid regular expression')
    .default('^v?\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.-]+)?$'),
});

function problem(image: string, pattern: RegExp): string | undefined {
  const { tag, digest } = imageReference(image);
  if (digest) {
    return DIGEST.test(digest) ? undefined : `has a malformed digest`;
  }
  if (!tag) {
    return 'is untagged (resolves to :latest)';
  }
  if (tag === 'latest') {
    return 'uses :latest';
  }
  return pattern.test(tag)
    ? undefined
    : `uses the floating tag :${tag}, not an exact version`;
}

/**
 * Every image is pinned to an exact version tag or a digest; never
 * `:latest`, untagged, or a floating tag such as `:1` or `:stable`.
 *
 * @public
 */
export const pinnedImages: Evaluator<z.infer<typeof params>> = {
  name: 'pinnedImages',
  description: 'Images are pinned to an exact version tag or a digest',
  scope: 'service',
  judgeableFromRepository: true,
  params,
  evaluate: ({ input, params: { versionTagPattern } }) => {
    const pattern = new RegExp(versionTagPattern);
    return judgeWorkloads({
      workloads: input.workloads,
      check: workload =>
        containersOf(workload).flatMap(c => {
          const reason = problem(c.image, pattern);
          if (!reason) {
            return [];
          }
          return [
            {
              observed: { container: c.name, image: c.image },
              finding: {
                field: `${c.path}.image`,
                message: `${workloadLabel(workload)} container ${
                  c.name
                } image ${c.image} ${reason}`,
                remediation: `Pin ${c.path}.image to an exact release tag (e.g. :1.4.2) or a digest (@sha256:...)`,
              },
            },
          ];
        }),
    });
  },
};
