import type { HorizontalPodAutoscalerProjection } from './projections';
import type { WorkloadHealth } from './HealthStatus';

function condition(hpa: HorizontalPodAutoscalerProjection, type: string) {
  return hpa.status.conditions.find(c => c.type === type);
}

function describe(c: { reason?: string; message?: string }): string {
  return `${c.reason ? ` (${c.reason})` : ''}${
    c.message ? `: ${c.message}` : ''
  }`;
}

/**
 * Health of a HorizontalPodAutoscaler:
 *
 * 1. `AbleToScale` False → Degraded (cannot read or update the target's
 *    scale).
 * 2. `ScalingActive` False with reason `ScalingDisabled` (target scaled to
 *    zero) → Suspended; any other reason (metrics unavailable, invalid
 *    selector) → Degraded.
 * 3. `ScalingLimited` True with reason `TooManyReplicas` → Degraded: the HPA
 *    wants more replicas than `maxReplicas` allows, so the service is out of
 *    headroom. Pinned at the minimum (`TooFewReplicas`) is normal and Healthy.
 * 4. Current replicas differ from desired → Progressing.
 * 5. Otherwise Healthy.
 *
 * @public
 */
export function horizontalPodAutoscalerHealth(
  hpa: HorizontalPodAutoscalerProjection,
): WorkloadHealth {
  const { spec, status } = hpa;
  const ableToScale = condition(hpa, 'AbleToScale');
  if (ableToScale?.status === 'False') {
    return {
      status: 'Degraded',
      message: `Unable to scale ${spec.scaleTargetRef.kind} ${
        spec.scaleTargetRef.name
      }${describe(ableToScale)}`,
    };
  }
  const active = condition(hpa, 'ScalingActive');
  if (active?.status === 'False') {
    if (active.reason === 'ScalingDisabled') {
      return {
        status: 'Suspended',
        message: `Autoscaling disabled${describe(active)}`,
      };
    }
    return {
      status: 'Degraded',
      message: `Autoscaling inactive${describe(active)}`,
    };
  }
  const limited = condition(hpa, 'ScalingLimited');
  if (limited?.status === 'True' && limited.reason === 'TooManyReplicas') {
    return {
      status: 'Degraded',
      message: `At maximum replicas (${status.currentReplicas}/${
        spec.maxReplicas
      }): scaling limited (TooManyReplicas)${
        limited.message ? `: ${limited.message}` : ''
      }`,
    };
  }
  if (status.currentReplicas !== status.desiredReplicas) {
    return {
      status: 'Progressing',
      message: `Scaling ${spec.scaleTargetRef.kind} ${spec.scaleTargetRef.name} from ${status.currentReplicas} to ${status.desiredReplicas} replicas`,
    };
  }
  return {
    status: 'Healthy',
    message: `${status.currentReplicas} replicas (min ${
      spec.minReplicas
    }, max ${spec.maxReplicas})${
      limited?.status === 'True' && limited.reason === 'TooFewReplicas'
        ? ', at minimum'
        : ''
    }`,
  };
}
