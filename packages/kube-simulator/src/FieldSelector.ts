import { StatusError } from './Status';
import { KubeObject } from './types';

interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

/** Field paths each resource can be selected by, beyond the metadata ones. */
const extraFields: Record<string, string[]> = {
  pods: [
    'status.phase',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  events: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  secrets: ['type'],
  namespaces: ['status.phase'],
  nodes: ['spec.unschedulable'],
  replicasets: ['status.replicas'],
  jobs: ['status.successful'],
};

/**
 * A parsed field selector (`?fieldSelector=`), supporting `=`, `==` and
 * `!=` on `metadata.name`, `metadata.namespace` and per-resource fields.
 */
export class FieldSelector {
  private constructor(private readonly requirements: FieldRequirement[]) {}

  static readonly everything = new FieldSelector([]);

  static parse(
    text: string | undefined | null,
    resource: string,
  ): FieldSelector {
    if (!text || !text.trim()) {
      return FieldSelector.everything;
    }
    const allowed = new Set([
      'metadata.name',
      'metadata.namespace',
      ...(extraFields[resource] ?? []),
    ]);
    const requirements = text.split(',').map(part => {
      const m = /^\s*([^!=\s]+)\s*(==|!=|=)\s*(.*?)\s*$/.exec(part);
      if (!m) {
        throw StatusError.badRequest(
          `invalid selector: '${text}'; can't understand '${part}'`,
        );
      }
      if (!allowed.has(m[1])) {
        throw StatusError.badRequest(`field label not supported: ${m[1]}`);
      }
      return { field: m[1], value: m[3], negate: m[2] === '!=' };
    });
    return new FieldSelector(requirements);
  }

  get isEverything(): boolean {
    return this.requirements.length === 0;
  }

  /** The value of an `metadata.name=` requirement, for fast single lookups. */
  get exactName(): string | undefined {
    return this.requirements.find(r => r.field === 'metadata.name' && !r.negate)
      ?.value;
  }

  matches(obj: KubeObject): boolean {
    for (const r of this.requirements) {
      const actual = readField(obj, r.field);
      if ((actual === r.value) === r.negate) {
        return false;
      }
    }
    return true;
  }
}

function readField(obj: KubeObject, path: string): string {
  let current: unknown = obj;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') {
      return '';
    }
    current = (current as Record<string, unknown>)[segment];
  }
  if (current === undefined || current === null) {
    return '';
  }
  if (typeof current === 'object') {
    return JSON.stringify(current);
  }
  return String(current);
}
