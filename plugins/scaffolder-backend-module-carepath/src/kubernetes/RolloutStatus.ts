import type {
  V1Deployment,
  V1Pod,
  V1StatefulSet,
} from '@kubernetes/client-node';

/** Where a workload's rollout stands. */
export interface RolloutStatus {
  done: boolean;
  /** e.g. "Waiting for rollout to finish: 1 of 3 new replicas updated". */
  message: string;
}

/** A Deployment's rollout status, in `kubectl rollout status` terms. */
export function deploymentRolloutStatus(
  deployment: V1Deployment,
): RolloutStatus {
  const replicas = deployment.spec?.replicas ?? 1;
  const status = deployment.status ?? {};
  if (
    (status.observedGeneration ?? 0) < (deployment.metadata?.generation ?? 0)
  ) {
    return {
      done: false,
      message: 'Waiting for the deployment spec update to be observed',
    };
  }
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const total = status.replicas ?? 0;
  if (updated < replicas) {
    return {
      done: false,
      message: `Waiting for rollout to finish: ${updated} of ${replicas} new replicas updated`,
    };
  }
  if (total > updated) {
    return {
      done: false,
      message: `Waiting for rollout to finish: ${
        total - updated
      } old replicas pending termination`,
    };
  }
  if (available < updated) {
    return {
      done: false,
      message: `Waiting for rollout to finish: ${available} of ${updated} updated replicas available`,
    };
  }
  return {
    done: true,
    message: `Rolled out: ${available} of ${replicas} replicas available`,
  };
}

/** A StatefulSet's rollout status. */
export function statefulSetRolloutStatus(
  statefulSet: V1StatefulSet,
): RolloutStatus {
  const replicas = statefulSet.spec?.replicas ?? 1;
  const status = statefulSet.status ?? { replicas: 0 };
  if (
    (status.observedGeneration ?? 0) < (statefulSet.metadata?.generation ?? 0)
  ) {
    return {
      done: false,
      message: 'Waiting for the statefulset spec update to be observed',
    };
  }
  const ready = status.readyReplicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  if (ready < replicas) {
    return {
      done: false,
      message: `Waiting for ${replicas - ready} pods to be ready`,
    };
  }
  if (
    status.updateRevision &&
    status.currentRevision !== status.updateRevision &&
    updated < replicas
  ) {
    return {
      done: false,
      message: `Waiting for partitioned roll out to finish: ${updated} of ${replicas} new pods updated`,
    };
  }
  return {
    done: true,
    message: `Rolled out: ${ready} of ${replicas} pods ready`,
  };
}

/** Why pods are not ready: container waiting/terminated reasons and scheduling failures. */
export function podProblems(pods: V1Pod[]): string[] {
  const problems = new Set<string>();
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '(pod)';
    for (const container of [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ]) {
      const waiting = container.state?.waiting;
      const terminated =
        container.state?.terminated ?? container.lastState?.terminated;
      if (
        waiting?.reason &&
        waiting.reason !== 'ContainerCreating' &&
        waiting.reason !== 'PodInitializing'
      ) {
        problems.add(
          `pod ${name} container ${container.name}: ${waiting.reason}${
            waiting.message ? ` (${waiting.message})` : ''
          }`,
        );
      } else if (
        terminated?.reason &&
        terminated.reason !== 'Completed' &&
        !container.ready
      ) {
        problems.add(
          `pod ${name} container ${container.name}: ${terminated.reason}${
            terminated.exitCode !== undefined
              ? ` (exit code ${terminated.exitCode})`
              : ''
          }`,
        );
      } else if (container.state?.running && !container.ready) {
        problems.add(
          `pod ${name} container ${container.name}: running but not ready (readiness probe failing)`,
        );
      }
    }
    for (const condition of pod.status?.conditions ?? []) {
      if (condition.type === 'PodScheduled' && condition.status === 'False') {
        problems.add(
          `pod ${name}: ${condition.reason ?? 'not scheduled'}${
            condition.message ? ` (${condition.message})` : ''
          }`,
        );
      }
    }
  }
  return [...problems];
}
