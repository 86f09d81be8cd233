import { worstOf, type WorkloadHealth } from './HealthStatus';
import { podReasons, type PodHealthOptions } from './podReasons';
import type { PodProjection } from './projections';

/**
 * Health of a single pod, derived from {@link podReasons}: the worst reason
 * decides the status and supplies the message.
 *
 * @public
 */
export function podHealth(
  pod: PodProjection,
  options: PodHealthOptions,
): WorkloadHealth {
  const reasons = podReasons(pod, options);
  if (reasons.length === 0) {
    if (pod.status.phase === 'Succeeded') {
      return { status: 'Healthy', message: 'Completed' };
    }
    const total = pod.status.containerStatuses.length;
    const ready = pod.status.containerStatuses.filter(s => s.ready).length;
    return {
      status: 'Healthy',
      message: `Running, ${ready} of ${total} containers ready${
        pod.spec.nodeName ? ` on node ${pod.spec.nodeName}` : ''
      }`,
    };
  }
  const status = worstOf(reasons.map(r => r.status));
  const [first] = reasons;
  const others = new Set(
    reasons
      .filter(r => r.status === status && r !== first)
      .map(r => r.container ?? r.code),
  );
  others.delete(first.container ?? first.code);
  return {
    status,
    message:
      others.size > 0
        ? `${first.message} (and ${others.size} more ${
            others.size === 1 ? 'issue' : 'issues'
          })`
        : first.message,
  };
}
