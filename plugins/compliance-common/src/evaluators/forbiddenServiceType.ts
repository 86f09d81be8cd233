import { z } from 'zod';
import type { Evaluator } from './Evaluator';
import { fileOf } from './describeWorkload';

const params = z.strictObject({
  type: z.enum(['NodePort', 'LoadBalancer']),
});

/**
 * No Service of the given type (`NodePort` or `LoadBalancer`). One control
 * per type, so that a LoadBalancer can be exempted without exempting NodePorts.
 *
 * @public
 */
export const forbiddenServiceType: Evaluator<z.infer<typeof params>> = {
  name: 'forbiddenServiceType',
  description: 'No Service of the forbidden type',
  scope: 'service',
  judgeableFromRepository: true,
  params,
  evaluate: ({ input, params: { type } }) => {
    const services = input.services ?? [];
    if (services.length === 0) {
      return {
        status: 'not-applicable',
        observed: { reason: 'no Services observed' },
      };
    }
    const offending = services.filter(s => s.type === type);
    const observed = {
      services: services.map(s => ({
        service: `Service/${s.name}`,
        type: s.type,
      })),
    };
    if (offending.length === 0) {
      return { status: 'pass', observed };
    }
    return {
      status: 'fail',
      observed,
      findings: offending.map(s => ({
        file: fileOf(s.source),
        field: 'spec.type',
        message: `Service/${s.name} is of type ${type}${
          s.source.type === 'cluster' ? ` in ${s.source.cluster}` : ''
        }`,
        remediation:
          type === 'NodePort'
            ? `Make Service/${s.name} a ClusterIP Service and expose it through a TLS Ingress`
            : `Make Service/${s.name} a ClusterIP Service behind a TLS Ingress, or request an exemption for this control`,
      })),
    };
  },
};
