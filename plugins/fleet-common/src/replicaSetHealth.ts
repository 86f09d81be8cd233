import type { ReplicaSetProjection } from './projections';
import type { WorkloadHealth } from './HealthStatus';

/**
 * Health of a ReplicaSet, following Argo CD's rules:
 *
 * 1. Spec update not yet observed → Progressing.
 * 2. `ReplicaFailure` condition True → Degraded with its message (for
 *    example an exceeded ResourceQuota).
 * 3. Fewer available replicas than desired → Progressing.
 * 4. Otherwise Healthy.
 *
 * @public
 */
export function replicaSetHealth(
  replicaSet: ReplicaSetProjection,
): WorkloadHealth {
  const { spec, status } = replicaSet;
  if (
    replicaSet.generation !== undefined &&
    (status.observedGeneration === undefined ||
      status.observedGeneration < replicaSet.generation)
  ) {
    return {
      status: 'Progressing',
      message:
        'Waiting for rollout to finish: observed replica set generation less than desired generation',
    };
  }
  const failure = status.conditions.find(c => c.type === 'ReplicaFailure');
  if (failure?.status === 'True') {
    return {
      status: 'Degraded',
      message: `Cannot create replicas${
        failure.reason ? ` (${failure.reason})` : ''
      }${failure.message ? `: ${failure.message}` : ''}`,
    };
  }
  if (status.availableReplicas < spec.replicas) {
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${status.availableReplicas} out of ${spec.replicas} new replicas are available...`,
    };
  }
  if (spec.replicas === 0) {
    return { status: 'Healthy', message: 'Scaled to 0 replicas' };
  }
  return {
    status: 'Healthy',
    message: `${status.availableReplicas} of ${spec.replicas} replicas available`,
  };
}
