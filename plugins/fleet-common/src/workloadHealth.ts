import { cronJobHealth } from './cronJobHealth';
import { daemonSetHealth } from './daemonSetHealth';
import { deploymentHealth } from './deploymentHealth';
import { horizontalPodAutoscalerHealth } from './horizontalPodAutoscalerHealth';
import { jobHealth } from './jobHealth';
import { podHealth } from './podHealth';
import type { PodHealthOptions } from './podReasons';
import type { JobProjection, ResourceProjection } from './projections';
import { replicaSetHealth } from './replicaSetHealth';
import { statefulSetHealth } from './statefulSetHealth';
import type { WorkloadHealth } from './HealthStatus';

/**
 * Options for {@link workloadHealth}: the pod options (with `now`) plus, for
 * CronJobs, the latest Job they own.
 *
 * @public
 */
export interface WorkloadHealthOptions extends PodHealthOptions {
  latestJob?: JobProjection;
}

/**
 * Health of any projection: picks the function for its kind.
 *
 * @public
 */
export function workloadHealth(
  resource: ResourceProjection,
  options: WorkloadHealthOptions,
): WorkloadHealth {
  switch (resource.kind) {
    case 'Deployment':
      return deploymentHealth(resource);
    case 'StatefulSet':
      return statefulSetHealth(resource);
    case 'DaemonSet':
      return daemonSetHealth(resource);
    case 'ReplicaSet':
      return replicaSetHealth(resource);
    case 'Job':
      return jobHealth(resource);
    case 'CronJob':
      return cronJobHealth(resource, {
        now: options.now,
        latestJob: options.latestJob,
      });
    case 'Pod':
      return podHealth(resource, options);
    case 'HorizontalPodAutoscaler':
      return horizontalPodAutoscalerHealth(resource);
    default:
      return {
        status: 'Unknown',
        message: `No health rules for kind ${
          (resource as { kind: string }).kind
        }`,
      };
  }
}
