import { formatTimestamp } from '../Clock';
import { LabelSelector, LabelSelectorSpec } from '../LabelSelector';
import { StoredEvent } from '../WatchHub';
import { Condition, setCondition } from './conditions';
import { Controller, keyOf, splitKey } from './Controller';
import { ControllerContext } from './ControllerContext';
import { podIsActive, podIsReady } from './pods';

interface PdbSpec {
  selector?: LabelSelectorSpec;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

function resolve(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  return Math.ceil((Number(value.replace('%', '')) * total) / 100);
}

/**
 * Keeps PodDisruptionBudget status current: expected, healthy and desired
 * pods, disruptions allowed and the DisruptionAllowed condition.
 */
export class PodDisruptionBudgetController implements Controller {
  readonly name = 'disruption-controller';

  constructor(private readonly ctx: ControllerContext) {}

  keysFor(event: StoredEvent): string[] {
    if (event.storageKey === 'policy/poddisruptionbudgets') {
      if (event.type === 'DELETED') return [];
      if (
        event.type === 'MODIFIED' &&
        event.previous?.metadata.generation === event.object.metadata.generation
      )
        return [];
      return [keyOf(event.object)];
    }
    if (event.storageKey !== '/pods') return [];
    if (
      event.type === 'MODIFIED' &&
      podIsReady(event.previous!) === podIsReady(event.object)
    )
      return [];
    const namespace = event.object.metadata.namespace;
    return this.ctx.store
      .list('policy/poddisruptionbudgets', namespace)
      .filter(pdb =>
        LabelSelector.fromSpec((pdb.spec as PdbSpec).selector).matches(
          event.object.metadata.labels,
        ),
      )
      .map(keyOf);
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const pdb = store.get('policy/poddisruptionbudgets', namespace, name);
    if (!pdb) return;
    const spec = pdb.spec as PdbSpec;
    const selector = LabelSelector.fromSpec(spec.selector);
    const pods = store
      .list('/pods', namespace)
      .filter(p => podIsActive(p) && selector.matches(p.metadata.labels));
    const expected = pods.length;
    const healthy = pods.filter(podIsReady).length;
    let desired = 0;
    if (spec.minAvailable !== undefined)
      desired = resolve(spec.minAvailable, expected);
    else if (spec.maxUnavailable !== undefined)
      desired = Math.max(0, expected - resolve(spec.maxUnavailable, expected));
    const allowed = Math.max(0, healthy - desired);
    const now = formatTimestamp(this.ctx.clock.now());
    const previous = ((pdb.status as { conditions?: Condition[] } | undefined)
      ?.conditions ?? []) as Condition[];
    const conditions = setCondition(
      previous,
      allowed > 0
        ? {
            type: 'DisruptionAllowed',
            status: 'True',
            reason: 'SufficientPods',
            message: '',
          }
        : {
            type: 'DisruptionAllowed',
            status: 'False',
            reason: 'InsufficientPods',
            message: '',
          },
      now,
    );
    store.update(
      this.ctx.type('policy/poddisruptionbudgets'),
      {
        ...pdb,
        status: {
          observedGeneration: pdb.metadata.generation,
          disruptionsAllowed: allowed,
          currentHealthy: healthy,
          desiredHealthy: desired,
          expectedPods: expected,
          conditions: conditions.map(c => ({
            ...c,
            observedGeneration: pdb.metadata.generation,
          })),
        },
      },
      { subresource: 'status' },
    );
  }
}
