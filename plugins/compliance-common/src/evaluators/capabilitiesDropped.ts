import { z } from 'zod';
import type { Evaluator } from './Evaluator';
import { judgeWorkloads, type WorkloadFinding } from './judgeWorkloads';
import { containersOf } from './containersOf';
import { workloadLabel } from './describeWorkload';

const params = z.strictObject({
  /** Capabilities a container may add back after dropping ALL. */
  allowedAdd: z.array(z.string()).default(['NET_BIND_SERVICE']),
});

function normalise(capability: string): string {
  return capability.toUpperCase().replace(/^CAP_/, '');
}

/**
 * Every container drops ALL capabilities and adds back none beyond the
 * allowed list (default `NET_BIND_SERVICE`).
 *
 * @public
 */
export const capabilitiesDropped: Evaluator<z.infer<typeof params>> = {
  name: 'capabilitiesDropped',
  description:
    'Containers drop ALL capabilities and add none beyond the allowed list',
  scope: 'service',
  judgeableFromRepository: true,
  params,
  evaluate: ({ input, params: { allowedAdd } }) => {
    const allowed = allowedAdd.map(normalise);
    return judgeWorkloads({
      workloads: input.workloads,
      check: workload =>
        containersOf(workload).flatMap(c => {
          const { drop, add } = c.securityContext.capabilities;
          const found: WorkloadFinding[] = [];
          if (!drop.map(normalise).includes('ALL')) {
            found.push({
              observed: { container: c.name, drop },
              finding: {
                field: `${c.path}.securityContext.capabilities.drop`,
                message: `${workloadLabel(workload)} container ${
                  c.name
                } does not drop ALL capabilities`,
                remediation: `Set ${c.path}.securityContext.capabilities.drop: [ALL]`,
              },
            });
          }
          const extra = add.filter(cap => !allowed.includes(normalise(cap)));
          if (extra.length > 0) {
            found.push({
              observed: { container: c.name, add: extra },
              finding: {
                field: `${c.path}.securityContext.capabilities.add`,
                message: `${workloadLabel(workload)} container ${
                  c.name
                } adds ${extra.join(', ')}`,
                remediation: `Remove ${extra.join(', ')} from ${
                  c.path
                }.securityContext.capabilities.add (only ${
                  allowed.join(', ') || 'none'
                } may be added)`,
              },
            });
          }
          return found;
        }),
    });
  },
};
