import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';

/** What a database or role name must look like. */
export const databaseNamePattern = /^[a-z][a-z0-9_]{0,62}$/;

export const databaseNameRule =
  'must start with a lowercase letter and contain only lowercase letters, digits and underscores, at most 63 characters (^[a-z][a-z0-9_]{0,62}$)';

/** A Kubernetes object or namespace name (RFC 1123 label/subdomain). */
export const kubernetesNamePattern =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const dataClassifications = [
  'phi',
  'pii',
  'internal',
  'public',
] as const;

/** Shared field builders for action input schemas. */
export const fields = {
  entityRef: (z: typeof zod) =>
    z
      .string()
      .regex(/^[a-z]+:([\w.-]+\/)?[\w.-]+$/i, {
        message: 'must be an entity ref such as component:default/patient-api',
      })
      .describe(
        'The catalog entity the action works for, e.g. component:default/patient-api',
      ),
  databaseName: (z: typeof zod) =>
    z
      .string()
      .regex(databaseNamePattern, { message: databaseNameRule })
      .describe(
        'Database name, also the login role name: lowercase letters, digits and underscores, starting with a letter, at most 63 characters',
      ),
  server: (z: typeof zod) =>
    z
      .string()
      .min(1)
      .optional()
      .describe(
        'Database server from carepath.databases.servers; the default server when omitted',
      ),
  cluster: (z: typeof zod) =>
    z
      .string()
      .min(1)
      .describe(
        'Cluster name from kubernetes.clusterLocatorMethods (type config)',
      ),
  namespace: (z: typeof zod) =>
    z
      .string()
      .max(63)
      .regex(kubernetesNamePattern, {
        message: 'must be a Kubernetes namespace name (RFC 1123 label)',
      })
      .describe("The service's namespace"),
  kubernetesName: (z: typeof zod, description: string) =>
    z
      .string()
      .max(253)
      .regex(kubernetesNamePattern, {
        message: 'must be a Kubernetes object name (RFC 1123 subdomain)',
      })
      .describe(description),
};

/**
 * Validates action input again inside the handler (the scaffolder validates
 * against the JSON schema too, but its messages are generic and tests call
 * handlers directly). Throws an InputError naming each bad field and its rule.
 */
export function parseActionInput<T extends zod.ZodTypeAny>(
  schema: T,
  input: unknown,
): zod.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(issue => {
      const field = issue.path.join('.') || 'input';
      return `${field}: ${issue.message}`;
    });
    throw new InputError(`Invalid input: ${problems.join('; ')}`);
  }
  return result.data;
}
