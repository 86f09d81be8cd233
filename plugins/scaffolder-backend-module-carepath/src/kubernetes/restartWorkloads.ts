import { PatchStrategy } from '@kubernetes/client-node';
import type { ClusterConnection } from './ClusterConnections';
import { fieldManager } from './applyObjects';
import { kubernetesErrorMessage } from './kubernetesErrors';

/** The pod template annotation whose change rolls a workload's pods. */
export const restartedAtAnnotation = 'carepath.io/restartedAt';

/**
 * Rolls the Deployments and StatefulSets of a service (selected by
 * `backstage.io/kubernetes-id`) by stamping their pod template, as
 * `kubectl rollout restart` does. Stamping the same time twice changes
 * nothing, so a retried step does not roll the pods again.
 */
export async function restartWorkloads(options: {
  connection: ClusterConnection;
  namespace: string;
  kubernetesId: string;
  restartedAt: string;
  dryRun?: boolean;
}): Promise<string[]> {
  const labelSelector = `backstage.io/kubernetes-id=${options.kubernetesId}`;
  const { apps, objects } = options.connection;
  let workloads: Array<{ kind: string; name: string }>;
  try {
    const [deployments, statefulSets] = await Promise.all([
      apps.listNamespacedDeployment({
        namespace: options.namespace,
        labelSelector,
      }),
      apps.listNamespacedStatefulSet({
        namespace: options.namespace,
        labelSelector,
      }),
    ]);
    workloads = [
      ...deployments.items.map(d => ({
        kind: 'Deployment',
        name: d.metadata!.name!,
      })),
      ...statefulSets.items.map(s => ({
        kind: 'StatefulSet',
        name: s.metadata!.name!,
      })),
    ];
  } catch (error) {
    throw new Error(
      `listing workloads ${labelSelector} in ${options.namespace} on cluster ${
        options.connection.name
      } failed: ${kubernetesErrorMessage(error, options.connection)}`,
    );
  }
  for (const workload of workloads) {
    try {
      await objects.patch(
        {
          apiVersion: 'apps/v1',
          kind: workload.kind,
          metadata: { name: workload.name, namespace: options.namespace },
          spec: {
            template: {
              metadata: {
                annotations: { [restartedAtAnnotation]: options.restartedAt },
              },
            },
          },
        } as Parameters<typeof objects.patch>[0],
        undefined,
        options.dryRun ? 'All' : undefined,
        fieldManager,
        undefined,
        PatchStrategy.MergePatch,
      );
    } catch (error) {
      throw new Error(
        `restarting ${workload.kind} ${options.namespace}/${
          workload.name
        } on cluster ${
          options.connection.name
        } failed: ${kubernetesErrorMessage(error, options.connection)}`,
      );
    }
  }
  return workloads.map(w => `${w.kind}/${w.name}`);
}
