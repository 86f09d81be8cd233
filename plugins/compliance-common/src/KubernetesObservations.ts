import type { ObservationSource } from './ObservationSource';
import type { WorkloadObservation } from './WorkloadObservation';

/**
 * A Kubernetes label selector (`matchLabels` and `matchExpressions`).
 *
 * @public
 */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: Array<{
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values: string[];
  }>;
}

/**
 * Identity shared by every observed namespaced object.
 *
 * @public
 */
export interface ObservedObject {
  source: ObservationSource;
  namespace?: string;
  name: string;
}

/** @public */
export interface ServiceObservation extends ObservedObject {
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  selector: Record<string, string>;
}

/** @public */
export interface IngressObservation extends ObservedObject {
  /** Hosts of the ingress rules; a rule without a host is recorded as `''`. */
  hosts: string[];
  tls: Array<{ hosts: string[]; secretName?: string }>;
}

/** @public */
export interface NetworkPolicyObservation extends ObservedObject {
  podSelector: LabelSelector;
  /** Effective policy types (Kubernetes defaults applied when unset). */
  policyTypes: Array<'Ingress' | 'Egress'>;
}

/** @public */
export interface PodDisruptionBudgetObservation extends ObservedObject {
  selector: LabelSelector;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

/** @public */
export interface HorizontalPodAutoscalerObservation extends ObservedObject {
  target: { kind: string; name: string };
  /** Absent means the Kubernetes default (1). */
  minReplicas?: number;
  maxReplicas: number;
}

/** @public */
export interface ServiceAccountObservation extends ObservedObject {
  /** ServiceAccount-level `automountServiceAccountToken`; absent when not set. */
  automountServiceAccountToken?: boolean;
}

/**
 * Everything observed in a service's namespace(s): its workloads and the
 * objects that govern them. Produced by `observeKubernetesObjects` /
 * `observeManifests`, and spread into an `EvaluationInput`.
 *
 * @public
 */
export interface KubernetesObservations {
  workloads: WorkloadObservation[];
  services: ServiceObservation[];
  ingresses: IngressObservation[];
  networkPolicies: NetworkPolicyObservation[];
  pdbs: PodDisruptionBudgetObservation[];
  hpas: HorizontalPodAutoscalerObservation[];
  serviceAccounts: ServiceAccountObservation[];
}
