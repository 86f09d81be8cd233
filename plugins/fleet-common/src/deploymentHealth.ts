import type { DeploymentProjection } from './projections';
import type { WorkloadHealth } from './HealthStatus';

function condition(d: DeploymentProjection, type: string) {
  return d.status.conditions.find(c => c.type === type);
}

/**
 * Health of a Deployment, following Argo CD's rules:
 *
 * 1. `spec.paused` → Suspended.
 * 2. `observedGeneration` behind `generation` → Progressing.
 * 3. `Progressing` condition with reason `ProgressDeadlineExceeded` → Degraded
 *    with the condition's message.
 * 4. `ReplicaFailure` condition True (quota, admission webhook) → Degraded.
 * 5. Fewer updated replicas than desired, old replicas pending termination, or
 *    fewer available than updated → Progressing.
 * 6. Otherwise Healthy. A Deployment scaled to 0 is Healthy (as in Argo CD),
 *    with a message saying so.
 *
 * @public
 */
export function deploymentHealth(
  deployment: DeploymentProjection,
): WorkloadHealth {
  const { spec, status } = deployment;
  if (spec.paused) {
    return { status: 'Suspended', message: 'Deployment is paused' };
  }
  if (
    deployment.generation !== undefined &&
    (status.observedGeneration === undefined ||
      status.observedGeneration < deployment.generation)
  ) {
    return {
      status: 'Progressing',
      message:
        'Waiting for rollout to finish: observed deployment generation less than desired generation',
    };
  }
  const progressing = condition(deployment, 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return {
      status: 'Degraded',
      message: `Deployment ${deployment.name} exceeded its progress deadline${
        spec.progressDeadlineSeconds !== undefined
          ? ` (${spec.progressDeadlineSeconds}s)`
          : ''
      }${progressing.message ? `: ${progressing.message}` : ''}`,
    };
  }
  const replicaFailure = condition(deployment, 'ReplicaFailure');
  if (replicaFailure?.status === 'True') {
    return {
      status: 'Degraded',
      message: `Cannot create replicas${
        replicaFailure.reason ? ` (${replicaFailure.reason})` : ''
      }${replicaFailure.message ? `: ${replicaFailure.message}` : ''}`,
    };
  }
  if (status.updatedReplicas < spec.replicas) {
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${status.updatedReplicas} out of ${spec.replicas} new replicas have been updated...`,
    };
  }
  if (status.replicas > status.updatedReplicas) {
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${
        status.replicas - status.updatedReplicas
      } old replicas are pending termination...`,
    };
  }
  if (status.availableReplicas < status.updatedReplicas) {
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${status.availableReplicas} of ${status.updatedReplicas} updated replicas are available...`,
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
