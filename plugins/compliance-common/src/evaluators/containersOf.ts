import type {
  ContainerObservation,
  WorkloadObservation,
} from '../WorkloadObservation';

/** Init containers then containers: every container that runs in the pod. */
export function containersOf(
  workload: WorkloadObservation,
): ContainerObservation[] {
  return [...workload.initContainers, ...workload.containers];
}
