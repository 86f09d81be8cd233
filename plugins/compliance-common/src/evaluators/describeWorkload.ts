import type { Observed } from '../Observed';
import type { WorkloadObservation } from '../WorkloadObservation';
import type { ObservationSource } from '../ObservationSource';

/** The file an observation came from, when it came from a manifest. */
export function fileOf(source: ObservationSource): string | undefined {
  return source.type === 'manifest' ? source.file : undefined;
}

/** `Deployment/fhir-gateway` */
export function workloadLabel(workload: {
  kind: string;
  name: string;
}): string {
  return `${workload.kind}/${workload.name}`;
}

/** Identity of a workload for `observed`: `{ workload, cluster | file, namespace }`. */
export function describeWorkload(workload: WorkloadObservation): Observed {
  const observed: Observed = { workload: workloadLabel(workload) };
  if (workload.source.type === 'cluster') {
    observed.cluster = workload.source.cluster;
  } else {
    observed.file = workload.source.file;
  }
  if (workload.namespace) {
    observed.namespace = workload.namespace;
  }
  return observed;
}
