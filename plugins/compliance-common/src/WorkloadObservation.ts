import type { ObservationSource } from './ObservationSource';

/**
 * The security-relevant parts of one container's spec.
 *
 * @public
 */
export interface ContainerObservation {
  name: string;
  /** The image reference exactly as written, e.g. `ghcr.io/carepath/api:1.4.2`. */
  image: string;
  /** JSON path of this container inside the object, e.g. `spec.template.spec.containers[0]`. */
  path: string;
  securityContext: {
    runAsNonRoot?: boolean;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    privileged?: boolean;
    capabilities: { drop: string[]; add: string[] };
  };
  resources: {
    requests: Record<string, string>;
    limits: Record<string, string>;
  };
  probes: { liveness: boolean; readiness: boolean; startup: boolean };
}

/**
 * Kinds of Kubernetes workload whose pod template is observed.
 *
 * @public
 */
export type WorkloadKind =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'Job'
  | 'CronJob';

/**
 * A workload's pod template as seen in a cluster or in a rendered manifest.
 *
 * @public
 */
export interface WorkloadObservation {
  source: ObservationSource;
  kind: WorkloadKind;
  /** Absent for manifests that leave the namespace to the deploy tool. */
  namespace?: string;
  name: string;
  /** Desired replicas as declared; absent means the Kubernetes default (1). */
  replicas?: number;
  /** Labels on the pod template, used to match NetworkPolicies and PDBs. */
  podLabels: Record<string, string>;
  /** JSON path of the pod spec, e.g. `spec.template.spec` or `spec.jobTemplate.spec.template.spec`. */
  podSpecPath: string;
  serviceAccountName?: string;
  /** Pod-level `automountServiceAccountToken`; absent when not set. */
  automountServiceAccountToken?: boolean;
  podSecurityContext: {
    runAsNonRoot?: boolean;
    seccompProfileType?: string;
  };
  containers: ContainerObservation[];
  initContainers: ContainerObservation[];
}
