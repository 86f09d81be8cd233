import type { DaemonSetProjection } from './projections';
import type { WorkloadHealth } from './HealthStatus';

/**
 * Health of a DaemonSet, following Argo CD's rules plus misscheduling:
 *
 * 1. Spec update not yet observed → Progressing.
 * 2. Pods running on nodes where they should not (`numberMisscheduled`) →
 *    Degraded. The controller does not evict these when a node gains a
 *    `NoSchedule` taint or loses a matching label, so they persist until
 *    someone acts; for node pools that segregate regulated workloads this is
 *    worth attention.
 * 3. `OnDelete`: Healthy once all scheduled pods are available; pods not yet
 *    updated are named in the message.
 * 4. Fewer updated pods than desired → Progressing.
 * 5. Fewer available pods than desired → Progressing.
 * 6. Otherwise Healthy.
 *
 * @public
 */
export function daemonSetHealth(
  daemonSet: DaemonSetProjection,
): WorkloadHealth {
  const { spec, status } = daemonSet;
  if (
    daemonSet.generation !== undefined &&
    (status.observedGeneration === undefined ||
      status.observedGeneration < daemonSet.generation)
  ) {
    return {
      status: 'Progressing',
      message:
        'Waiting for rollout to finish: observed daemon set generation less than desired generation',
    };
  }
  const desired = status.desiredNumberScheduled;
  if (status.numberMisscheduled > 0) {
    return {
      status: 'Degraded',
      message: `${status.numberMisscheduled} ${
        status.numberMisscheduled === 1 ? 'pod is' : 'pods are'
      } running on nodes that no longer match the daemon set's node selector or tolerations (misscheduled)`,
    };
  }
  if (spec.updateStrategyType === 'OnDelete') {
    if (status.numberAvailable < desired) {
      return {
        status: 'Progressing',
        message: `${status.numberAvailable} of ${desired} pods are available...`,
      };
    }
    return {
      status: 'Healthy',
      message:
        status.updatedNumberScheduled < desired
          ? `${status.numberAvailable} of ${desired} pods available; ${status.updatedNumberScheduled} of ${desired} updated (OnDelete: pods update when deleted)`
          : `${status.numberAvailable} of ${desired} pods available`,
    };
  }
  if (status.updatedNumberScheduled < desired) {
    return {
      status: 'Progressing',
      message: `Waiting for daemon set ${daemonSet.name} rollout to finish: ${status.updatedNumberScheduled} out of ${desired} new pods have been updated...`,
    };
  }
  if (status.numberAvailable < desired) {
    return {
      status: 'Progressing',
      message: `Waiting for daemon set ${daemonSet.name} rollout to finish: ${status.numberAvailable} of ${desired} updated pods are available...`,
    };
  }
  return {
    status: 'Healthy',
    message: `${status.numberAvailable} of ${desired} pods available`,
  };
}
