import type { DataClassification } from './Control';
import type { KubernetesObservations } from './KubernetesObservations';
import type { WorkloadObservation } from './WorkloadObservation';

/**
 * The catalog entity under review, reduced to what evaluators read, plus
 * facts that only the live catalog can resolve.
 *
 * @public
 */
export interface EntityObservation {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    annotations: Record<string, string>;
    labels: Record<string, string>;
  };
  spec: {
    owner?: string;
    lifecycle?: string;
    type?: string;
    system?: string;
  };
  /** Where the entity was read from when it came from a repository (`catalog-info.yaml`). */
  file?: string;
  /** Whether `spec.owner` resolves to an entity in the catalog. Absent = not resolved (e.g. in the scaffolder). */
  ownerExists?: boolean;
  /** Kind of the resolved owner entity, e.g. `Group` or `User`. */
  ownerKind?: string;
  /** `spec.profile.email` of the resolved owner group, accepted as its contact. */
  ownerEmail?: string;
}

/**
 * A database provisioned for the service by the platform.
 *
 * @public
 */
export interface DatabaseRecord {
  name: string;
  classification: DataClassification;
  /** Absent when no backup policy is configured. */
  backupPolicy?: { maxAgeHours: number };
  /** ISO 8601 timestamps; absent when it never happened. */
  lastBackupAt?: string;
  lastRestoreTestAt?: string;
  lastCredentialRotationAt?: string;
  deletionProtection: boolean;
}

/**
 * Platform records about the service.
 *
 * @public
 */
export interface PlatformRecords {
  databases: DatabaseRecord[];
}

/**
 * Facts taken from the audit trail. The newest of a database record's and the
 * audit trail's timestamp is used.
 *
 * @public
 */
export interface AuditFacts {
  /** Restore tests recorded in the audit trail: database name → ISO 8601 time. */
  restoreTests: Record<string, string>;
  /** Credential rotations recorded in the audit trail: database name → ISO 8601 time. */
  credentialRotations: Record<string, string>;
}

/**
 * Everything evaluators read. Both consumers build it: the backend from the
 * catalog, the fleet watch cache and platform records; the scaffolder from a
 * rendered repository.
 *
 * Kubernetes observations follow one rule: when `workloads` is absent or
 * empty, workload and network controls are `not-applicable`; when workloads
 * are present, an absent `services`, `networkPolicies`, ... array means none
 * were observed.
 *
 * @public
 */
export interface EvaluationInput extends Partial<KubernetesObservations> {
  entity?: EntityObservation;
  platformRecords?: PlatformRecords;
  audit?: AuditFacts;
  /** Platform-wide: workloads running in clusters that no catalog entity claims. */
  unregisteredWorkloads?: WorkloadObservation[];
  /** The evaluation time. Evaluators never read the clock. */
  now: Date;
}
