import type { LoggerService } from '@backstage/backend-plugin-api';
import type { V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import type { ClusterConnection } from './ClusterConnections';
import { kubernetesErrorMessage } from './kubernetesErrors';
import {
  deploymentRolloutStatus,
  podProblems,
  RolloutStatus,
  statefulSetRolloutStatus,
} from './RolloutStatus';

/**
 * Waits until a Deployment or StatefulSet has rolled out, logging each new
 * status. On timeout it fails with the reasons its pods give.
 */
export async function waitForRollout(options: {
  connection: ClusterConnection;
  kind: 'Deployment' | 'StatefulSet';
  namespace: string;
  name: string;
  timeoutMs: number;
  pollIntervalMs?: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<string> {
  const { apps, core } = options.connection;
  const subject = `${options.kind} ${options.namespace}/${options.name}`;
  const where = `in cluster ${options.connection.name}`;
  const deadline = Date.now() + options.timeoutMs;
  let last = '';
  for (;;) {
    let workload: V1Deployment | V1StatefulSet;
    let status: RolloutStatus;
    try {
      if (options.kind === 'Deployment') {
        const deployment = await apps.readNamespacedDeployment({
          namespace: options.namespace,
          name: options.name,
        });
        workload = deployment;
        status = deploymentRolloutStatus(deployment);
      } else {
        const statefulSet = await apps.readNamespacedStatefulSet({
          namespace: options.namespace,
          name: options.name,
        });
        workload = statefulSet;
        status = statefulSetRolloutStatus(statefulSet);
      }
    } catch (error) {
      throw new Error(
        `reading ${subject} ${where} failed: ${kubernetesErrorMessage(
          error,
          options.connection,
        )}`,
      );
    }
    if (status.message !== last) {
      options.logger.info(`${subject}: ${status.message}`);
      last = status.message;
    }
    if (status.done) return status.message;
    if (Date.now() >= deadline || options.signal?.aborted) {
      const selector = Object.entries(
        workload.spec?.selector?.matchLabels ?? {},
      )
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      let problems: string[];
      try {
        const pods = await core.listNamespacedPod({
          namespace: options.namespace,
          labelSelector: selector,
        });
        problems = podProblems(pods.items);
      } catch (error) {
        problems = [
          `its pods could not be listed: ${kubernetesErrorMessage(
            error,
            options.connection,
          )}`,
        ];
      }
      throw new Error(
        `${subject} ${where} did not roll out within ${Math.round(
          options.timeoutMs / 1000,
        )}s: ${status.message}${
          problems.length
            ? `; ${problems.join('; ')}`
            : '; no pod reports a problem'
        }`,
      );
    }
    await new Promise(resolve =>
      setTimeout(resolve, options.pollIntervalMs ?? 2000),
    );
  }
}
