import type { StatefulSetProjection } from './projections';
import type { WorkloadHealth } from './HealthStatus';

/**
 * Health of a StatefulSet, following Argo CD's rules:
 *
 * 1. Spec update not yet observed → Progressing.
 * 2. Fewer ready pods than desired → Progressing.
 * 3. `RollingUpdate` with a partition: fewer updated pods than
 *    `replicas - partition` → Progressing; otherwise Healthy, noting the pods
 *    the partition holds at the old revision.
 * 4. `OnDelete`: Healthy once all pods are ready; pods still at the old
 *    revision are named in the message (they update only when deleted).
 * 5. `updateRevision` differs from `currentRevision` → Progressing.
 * 6. Otherwise Healthy.
 *
 * @public
 */
export function statefulSetHealth(
  statefulSet: StatefulSetProjection,
): WorkloadHealth {
  const { spec, status } = statefulSet;
  if (
    status.observedGeneration === undefined ||
    status.observedGeneration === 0 ||
    (statefulSet.generation !== undefined &&
      statefulSet.generation > status.observedGeneration)
  ) {
    return {
      status: 'Progressing',
      message: 'Waiting for statefulset spec update to be observed...',
    };
  }
  if (status.readyReplicas < spec.replicas) {
    return {
      status: 'Progressing',
      message: `Waiting for ${spec.replicas - status.readyReplicas} ${
        spec.replicas - status.readyReplicas === 1 ? 'pod' : 'pods'
      } to be ready: ${status.readyReplicas} of ${spec.replicas} ready...`,
    };
  }
  if (spec.updateStrategyType === 'OnDelete') {
    const stale =
      status.updateRevision !== undefined &&
      status.currentRevision !== undefined &&
      status.updateRevision !== status.currentRevision
        ? spec.replicas - status.updatedReplicas
        : 0;
    return {
      status: 'Healthy',
      message:
        stale > 0
          ? `${status.readyReplicas} of ${spec.replicas} pods ready; ${stale} still at revision ${status.currentRevision} (OnDelete: pods update when deleted)`
          : `${status.readyReplicas} of ${spec.replicas} pods ready`,
    };
  }
  if (spec.partition !== undefined && spec.partition > 0) {
    const target = Math.max(0, spec.replicas - spec.partition);
    if (status.updatedReplicas < target) {
      return {
        status: 'Progressing',
        message: `Waiting for partitioned roll out to finish: ${status.updatedReplicas} out of ${target} new pods have been updated...`,
      };
    }
    return {
      status: 'Healthy',
      message: `Partitioned roll out complete: ${
        status.updatedReplicas
      } new pods at revision ${status.updateRevision ?? 'unknown'}; ${
        spec.replicas - status.updatedReplicas
      } held at revision ${status.currentRevision ?? 'unknown'} by partition ${
        spec.partition
      }`,
    };
  }
  if (
    status.updateRevision !== undefined &&
    status.currentRevision !== undefined &&
    status.updateRevision !== status.currentRevision
  ) {
    return {
      status: 'Progressing',
      message: `Waiting for statefulset rolling update to complete: ${status.updatedReplicas} of ${spec.replicas} pods at revision ${status.updateRevision}...`,
    };
  }
  return {
    status: 'Healthy',
    message: `${status.readyReplicas} of ${spec.replicas} pods ready${
      status.currentRevision ? ` at revision ${status.currentRevision}` : ''
    }`,
  };
}
