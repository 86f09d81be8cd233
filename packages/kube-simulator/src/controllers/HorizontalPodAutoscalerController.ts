import { formatTimestamp } from '../Clock';
import { KubeObject } from '../types';
import { StoredEvent } from '../WatchHub';
import { Condition, setCondition } from './conditions';
import { Controller, keyOf, splitKey } from './Controller';
import { ControllerContext } from './ControllerContext';

interface HpaSpec {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: Array<{
    type: string;
    resource?: {
      name: string;
      target?: { type?: string; averageUtilization?: number };
    };
  }>;
}

const targetStorage: Record<string, string> = {
  Deployment: 'apps/deployments',
  StatefulSet: 'apps/statefulsets',
  ReplicaSet: 'apps/replicasets',
};

function nameHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h;
}

/**
 * Autoscales from simulated CPU utilisation: a steady value within range
 * normally, or far above target under the `hpa-max` scenario, which drives
 * the target to `maxReplicas` with ScalingLimited/TooManyReplicas.
 */
export class HorizontalPodAutoscalerController implements Controller {
  readonly name = 'horizontal-pod-autoscaler';

  constructor(private readonly ctx: ControllerContext) {}

  keysFor(event: StoredEvent): string[] {
    if (event.storageKey === 'autoscaling/horizontalpodautoscalers') {
      if (event.type === 'DELETED') return [];
      if (
        event.type === 'MODIFIED' &&
        event.previous?.metadata.generation ===
          event.object.metadata.generation &&
        JSON.stringify(event.previous?.metadata.annotations) ===
          JSON.stringify(event.object.metadata.annotations)
      )
        return [];
      return [keyOf(event.object)];
    }
    if (Object.values(targetStorage).includes(event.storageKey)) {
      const namespace = event.object.metadata.namespace;
      return this.ctx.store
        .list('autoscaling/horizontalpodautoscalers', namespace)
        .filter(h => {
          const ref = (h.spec as HpaSpec).scaleTargetRef;
          return (
            ref.name === event.object.metadata.name &&
            ref.kind === event.object.kind
          );
        })
        .map(keyOf);
    }
    return [];
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const hpa = store.get(
      'autoscaling/horizontalpodautoscalers',
      namespace,
      name,
    );
    if (!hpa) return;
    const spec = hpa.spec as HpaSpec;
    const now = formatTimestamp(this.ctx.clock.now());
    const storageKey = targetStorage[spec.scaleTargetRef.kind];
    const target = storageKey
      ? store.get(storageKey, namespace, spec.scaleTargetRef.name)
      : undefined;
    let conditions = ((hpa.status as { conditions?: Condition[] } | undefined)
      ?.conditions ?? []) as Condition[];
    const previous = (hpa.status ?? {}) as { lastScaleTime?: string };
    if (!target || !storageKey) {
      conditions = setCondition(
        conditions,
        {
          type: 'AbleToScale',
          status: 'False',
          reason: 'FailedGetScale',
          message: `the HPA controller was unable to get the target's current scale: ${
            storageKey
              ? `${storageKey.split('/')[1]}.${storageKey.split('/')[0]}`
              : spec.scaleTargetRef.kind
          } "${spec.scaleTargetRef.name}" not found`,
        },
        now,
      );
      this.write(hpa, { currentReplicas: 0, desiredReplicas: 0, conditions });
      return;
    }
    const min = spec.minReplicas ?? 1;
    const max = spec.maxReplicas;
    const targetUtilization =
      spec.metrics?.find(m => m.resource?.name === 'cpu')?.resource?.target
        ?.averageUtilization ?? 80;
    const specReplicas = Number(
      (target.spec as { replicas?: number }).replicas ?? 1,
    );
    const currentReplicas = Number(
      (target.status as { replicas?: number } | undefined)?.replicas ??
        specReplicas,
    );
    const atMaxScenario =
      this.ctx.scenarioOn(hpa) === 'hpa-max' ||
      this.ctx.scenarioOn(target) === 'hpa-max';
    const utilization = atMaxScenario
      ? 97 + (nameHash(name) % 3)
      : Math.round(targetUtilization * (0.45 + (nameHash(name) % 25) / 100));
    const raw = atMaxScenario
      ? Math.max(
          max + 1,
          Math.ceil((specReplicas * utilization) / targetUtilization),
        )
      : specReplicas;
    const desired = Math.min(max, Math.max(min, raw));
    let lastScaleTime = previous.lastScaleTime;
    let ableToScale: Condition = {
      type: 'AbleToScale',
      status: 'True',
      reason: 'ReadyForNewScale',
      message: 'recommended size matches current size',
    };
    if (desired !== specReplicas) {
      store.update(this.ctx.type(storageKey), {
        ...target,
        spec: { ...(target.spec as object), replicas: desired },
      });
      lastScaleTime = now;
      const reason =
        desired > specReplicas
          ? 'cpu resource utilization (percentage of request) above target'
          : 'All metrics below target';
      this.ctx.events.record({
        involved: hpa,
        type: 'Normal',
        reason: 'SuccessfulRescale',
        message: `New size: ${desired}; reason: ${reason}`,
        component: 'horizontal-pod-autoscaler',
      });
      ableToScale = {
        type: 'AbleToScale',
        status: 'True',
        reason: 'SucceededRescale',
        message: `the HPA controller was able to update the target scale to ${desired}`,
      };
    }
    conditions = setCondition(conditions, ableToScale, now);
    conditions = setCondition(
      conditions,
      {
        type: 'ScalingActive',
        status: 'True',
        reason: 'ValidMetricFound',
        message:
          'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      },
      now,
    );
    let limited: Condition = {
      type: 'ScalingLimited',
      status: 'False',
      reason: 'DesiredWithinRange',
      message: 'the desired count is within the acceptable range',
    };
    if (raw > max)
      limited = {
        type: 'ScalingLimited',
        status: 'True',
        reason: 'TooManyReplicas',
        message:
          'the desired replica count is more than the maximum replica count',
      };
    else if (raw < min)
      limited = {
        type: 'ScalingLimited',
        status: 'True',
        reason: 'TooFewReplicas',
        message:
          'the desired replica count is less than the minimum replica count',
      };
    conditions = setCondition(conditions, limited, now);
    this.write(hpa, {
      observedGeneration: hpa.metadata.generation,
      ...(lastScaleTime ? { lastScaleTime } : {}),
      currentReplicas,
      desiredReplicas: desired,
      currentMetrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: {
              averageValue: `${Math.round(utilization * 2.5)}m`,
              averageUtilization: utilization,
            },
          },
        },
      ],
      conditions,
    });
  }

  private write(hpa: KubeObject, status: Record<string, unknown>): void {
    const latest = this.ctx.store.get(
      'autoscaling/horizontalpodautoscalers',
      hpa.metadata.namespace,
      hpa.metadata.name ?? '',
    )!;
    this.ctx.store.update(
      this.ctx.type('autoscaling/horizontalpodautoscalers'),
      { ...latest, status },
      { subresource: 'status' },
    );
  }
}
