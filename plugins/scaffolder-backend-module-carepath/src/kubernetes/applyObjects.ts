import { KubernetesObject, PatchStrategy } from '@kubernetes/client-node';
import type { ClusterConnection } from './ClusterConnections';
import {
  kubernetesErrorMessage,
  kubernetesStatusCode,
} from './kubernetesErrors';

/** A Kubernetes object as written in a manifest. */
export type ManifestObject = KubernetesObject & Record<string, unknown>;

/** The field manager of every object the platform applies. */
export const fieldManager = 'carepath';

/** `Kind namespace/name` for messages. */
export function describeObject(object: KubernetesObject): string {
  const namespace = object.metadata?.namespace;
  return `${object.kind} ${namespace ? `${namespace}/` : ''}${
    object.metadata?.name ?? '(unnamed)'
  }`;
}

/**
 * Server-side applies one object. With `dryRun` the API server validates and
 * admits it but persists nothing (`dryRun=All`). Errors name the object and
 * carry only the API server's message.
 */
export async function applyObject<T extends KubernetesObject>(options: {
  connection: ClusterConnection;
  object: T;
  dryRun?: boolean;
  force?: boolean;
}): Promise<T> {
  try {
    return await options.connection.objects.patch(
      options.object,
      undefined,
      options.dryRun ? 'All' : undefined,
      fieldManager,
      options.force ?? false,
      PatchStrategy.ServerSideApply,
    );
  } catch (error) {
    throw new Error(
      `applying ${describeObject(options.object)} to cluster ${
        options.connection.name
      } failed: ${kubernetesErrorMessage(error, options.connection)}`,
    );
  }
}

/** Reads an object, or undefined when it does not exist. */
export async function readObject<T extends KubernetesObject>(options: {
  connection: ClusterConnection;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}): Promise<T | undefined> {
  const header = {
    apiVersion: options.apiVersion,
    kind: options.kind,
    metadata: { name: options.name, namespace: options.namespace },
  };
  try {
    return (await options.connection.objects.read(header)) as T;
  } catch (error) {
    if (kubernetesStatusCode(error) === 404) return undefined;
    throw new Error(
      `reading ${describeObject(header)} from cluster ${
        options.connection.name
      } failed: ${kubernetesErrorMessage(error, options.connection)}`,
    );
  }
}
