/**
 * A compact, Kubernetes-shaped copy of an object holding only the fields
 * CarePath's compliance controls read (`observeKubernetesObjects` in
 * `@carepath/plugin-compliance-common`).
 *
 * @public
 */
export interface KubernetesObjectLike {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  /** ServiceAccount only. */
  automountServiceAccountToken?: boolean;
}
