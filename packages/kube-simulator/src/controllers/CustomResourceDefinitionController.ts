import { formatTimestamp } from '../Clock';
import { StoredEvent } from '../WatchHub';
import { Condition, setCondition } from './conditions';
import { Controller } from './Controller';
import { ControllerContext } from './ControllerContext';

/**
 * Marks CustomResourceDefinitions Established and NamesAccepted once
 * registered (registration itself happens synchronously on write, so a
 * CRD can be used right after it is created).
 */
export class CustomResourceDefinitionController implements Controller {
  readonly name = 'apiextensions-controller';

  constructor(private readonly ctx: ControllerContext) {}

  keysFor(event: StoredEvent): string[] {
    if (
      event.storageKey !== 'apiextensions.k8s.io/customresourcedefinitions' ||
      event.type === 'DELETED'
    )
      return [];
    if (
      event.type === 'MODIFIED' &&
      event.previous?.metadata.generation === event.object.metadata.generation
    )
      return [];
    return [`/${event.object.metadata.name}`];
  }

  reconcile(key: string): void {
    const name = key.slice(1);
    const storageKey = 'apiextensions.k8s.io/customresourcedefinitions';
    const crd = this.ctx.store.get(storageKey, '', name);
    if (!crd) return;
    const now = formatTimestamp(this.ctx.clock.now());
    const spec = crd.spec as {
      names: Record<string, unknown>;
      versions: Array<{ name: string; storage?: boolean }>;
    };
    let conditions = ((crd.status as { conditions?: Condition[] } | undefined)
      ?.conditions ?? []) as Condition[];
    conditions = setCondition(
      conditions,
      {
        type: 'NamesAccepted',
        status: 'True',
        reason: 'NoConflicts',
        message: 'no conflicts found',
      },
      now,
    );
    conditions = setCondition(
      conditions,
      {
        type: 'Established',
        status: 'True',
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
      now,
    );
    this.ctx.store.update(
      this.ctx.type(storageKey),
      {
        ...crd,
        status: {
          acceptedNames: spec.names,
          conditions,
          storedVersions: spec.versions.filter(v => v.storage).map(v => v.name),
        },
      },
      { subresource: 'status' },
    );
  }
}
