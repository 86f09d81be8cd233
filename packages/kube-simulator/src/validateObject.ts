import { LabelSelector, LabelSelectorSpec } from './LabelSelector';
import { NameRule, ResourceType } from './ResourceType';
import { StatusCause, StatusError } from './Status';
import { KubeObject } from './types';

const subdomain =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const qualifiedName = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1035Message =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Checks a name against a rule; returns the failure message or undefined. */
export function checkName(name: string, rule: NameRule): string | undefined {
  switch (rule) {
    case 'label':
      if (name.length > 63) return 'must be no more than 63 characters';
      return label.test(name) ? undefined : labelMessage;
    case 'dns1035':
      if (name.length > 63) return 'must be no more than 63 characters';
      return dns1035.test(name) ? undefined : dns1035Message;
    case 'path':
      if (name === '.' || name === '..') return `may not be '${name}'`;
      return /[/%]/.test(name) ? `may not contain '/'` : undefined;
    default:
      if (name.length > 253) return 'must be no more than 253 characters';
      return subdomain.test(name) ? undefined : subdomainMessage;
  }
}

function checkLabels(
  labels: unknown,
  field: string,
  causes: StatusCause[],
  checkValues: boolean,
): void {
  if (labels === undefined || labels === null) return;
  if (typeof labels !== 'object' || Array.isArray(labels)) {
    causes.push({
      reason: 'FieldValueInvalid',
      field,
      message: 'Invalid value: must be a map of strings',
    });
    return;
  }
  for (const [key, value] of Object.entries(
    labels as Record<string, unknown>,
  )) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : '';
    const namePart = slash >= 0 ? key.slice(slash + 1) : key;
    if (
      (slash >= 0 && (!prefix || !subdomain.test(prefix))) ||
      namePart.length > 63 ||
      !qualifiedName.test(namePart)
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      });
    }
    if (typeof value !== 'string') {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `${field}`,
        message: `Invalid value: "${key}": label and annotation values must be strings`,
      });
    } else if (checkValues && (value.length > 63 || !labelValue.test(value))) {
      causes.push({
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      });
    }
  }
}

interface PodSpecLike {
  containers?: Array<{ name?: string; image?: string }>;
  initContainers?: Array<{ name?: string; image?: string }>;
}

function checkPodSpec(
  spec: PodSpecLike | undefined,
  field: string,
  causes: StatusCause[],
): void {
  if (
    !spec ||
    !Array.isArray(spec.containers) ||
    spec.containers.length === 0
  ) {
    causes.push({
      reason: 'FieldValueRequired',
      field: `${field}.containers`,
      message: 'Required value',
    });
    return;
  }
  const seen = new Set<string>();
  const all = [
    ...spec.containers.map((c, i) => ({
      c,
      path: `${field}.containers[${i}]`,
    })),
    ...(spec.initContainers ?? []).map((c, i) => ({
      c,
      path: `${field}.initContainers[${i}]`,
    })),
  ];
  for (const { c, path } of all) {
    if (!c?.name) {
      causes.push({
        reason: 'FieldValueRequired',
        field: `${path}.name`,
        message: 'Required value',
      });
    } else {
      const problem = checkName(c.name, 'label');
      if (problem)
        causes.push({
          reason: 'FieldValueInvalid',
          field: `${path}.name`,
          message: `Invalid value: "${c.name}": ${problem}`,
        });
      if (seen.has(c.name))
        causes.push({
          reason: 'FieldValueDuplicate',
          field: `${path}.name`,
          message: `Duplicate value: "${c.name}"`,
        });
      seen.add(c.name);
    }
    if (!c?.image) {
      causes.push({
        reason: 'FieldValueRequired',
        field: `${path}.image`,
        message: 'Required value',
      });
    }
  }
}

interface WorkloadSpecLike {
  selector?: LabelSelectorSpec;
  template?: {
    metadata?: { labels?: Record<string, string> };
    spec?: PodSpecLike;
  };
  replicas?: unknown;
  jobTemplate?: { spec?: WorkloadSpecLike };
  schedule?: string;
}

function checkWorkload(
  spec: WorkloadSpecLike | undefined,
  field: string,
  causes: StatusCause[],
  selectorRequired: boolean,
): void {
  if (!spec) {
    causes.push({
      reason: 'FieldValueRequired',
      field,
      message: 'Required value',
    });
    return;
  }
  if (
    spec.replicas !== undefined &&
    (typeof spec.replicas !== 'number' || spec.replicas < 0)
  ) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: `${field}.replicas`,
      message: `Invalid value: ${JSON.stringify(
        spec.replicas,
      )}: must be greater than or equal to 0`,
    });
  }
  if (selectorRequired) {
    if (!spec.selector) {
      causes.push({
        reason: 'FieldValueRequired',
        field: `${field}.selector`,
        message: 'Required value',
      });
    } else if (
      !LabelSelector.fromSpec(spec.selector).matches(
        spec.template?.metadata?.labels,
      )
    ) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: `${field}.template.metadata.labels`,
        message: `Invalid value: ${JSON.stringify(
          spec.template?.metadata?.labels ?? {},
        )}: \`selector\` does not match template \`labels\``,
      });
    }
  }
  checkPodSpec(spec.template?.spec, `${field}.template.spec`, causes);
}

/**
 * Validates an object the way the API server's strategies do for the
 * fields the simulator cares about; throws a 422 Invalid Status.
 */
export function validateObject(type: ResourceType, obj: KubeObject): void {
  const causes: StatusCause[] = [];
  const name = obj.metadata?.name ?? '';
  if (!name && !obj.metadata?.generateName) {
    causes.push({
      reason: 'FieldValueRequired',
      field: 'metadata.name',
      message: 'Required value: name or generateName is required',
    });
  } else if (name) {
    const problem = checkName(name, type.nameRule);
    if (problem) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: `Invalid value: "${name}": ${problem}`,
      });
    }
  }
  checkLabels(obj.metadata?.labels, 'metadata.labels', causes, true);
  checkLabels(obj.metadata?.annotations, 'metadata.annotations', causes, false);
  const spec = obj.spec as WorkloadSpecLike | undefined;
  switch (`${type.group}/${type.plural}`) {
    case '/pods':
      checkPodSpec(obj.spec as PodSpecLike, 'spec', causes);
      break;
    case 'apps/deployments':
    case 'apps/replicasets':
    case 'apps/statefulsets':
    case 'apps/daemonsets':
      checkWorkload(spec, 'spec', causes, true);
      checkLabels(
        spec?.template?.metadata?.labels,
        'spec.template.metadata.labels',
        causes,
        true,
      );
      break;
    case 'batch/jobs':
      checkWorkload(spec, 'spec', causes, false);
      break;
    case 'batch/cronjobs':
      if (!spec?.schedule)
        causes.push({
          reason: 'FieldValueRequired',
          field: 'spec.schedule',
          message: 'Required value',
        });
      checkWorkload(
        spec?.jobTemplate?.spec,
        'spec.jobTemplate.spec',
        causes,
        false,
      );
      break;
    case '/services': {
      const svc = obj.spec as
        | { ports?: unknown[]; clusterIP?: string; type?: string }
        | undefined;
      if (
        svc?.type !== 'ExternalName' &&
        svc?.clusterIP !== 'None' &&
        !(svc?.ports && svc.ports.length > 0)
      ) {
        causes.push({
          reason: 'FieldValueRequired',
          field: 'spec.ports',
          message: 'Required value',
        });
      }
      break;
    }
    case 'autoscaling/horizontalpodautoscalers': {
      const hpa = obj.spec as
        | {
            maxReplicas?: number;
            minReplicas?: number;
            scaleTargetRef?: { kind?: string; name?: string };
          }
        | undefined;
      if (!hpa?.scaleTargetRef?.kind || !hpa.scaleTargetRef.name)
        causes.push({
          reason: 'FieldValueRequired',
          field: 'spec.scaleTargetRef',
          message: 'Required value',
        });
      if (!hpa?.maxReplicas || hpa.maxReplicas < 1)
        causes.push({
          reason: 'FieldValueInvalid',
          field: 'spec.maxReplicas',
          message: `Invalid value: ${
            hpa?.maxReplicas ?? 0
          }: must be greater than or equal to 1`,
        });
      else if ((hpa.minReplicas ?? 1) > hpa.maxReplicas)
        causes.push({
          reason: 'FieldValueInvalid',
          field: 'spec.maxReplicas',
          message: `Invalid value: ${hpa.maxReplicas}: must be greater than or equal to \`minReplicas\``,
        });
      break;
    }
    case 'apiextensions.k8s.io/customresourcedefinitions': {
      const crd = obj.spec as
        | {
            group?: string;
            names?: { plural?: string; kind?: string };
            versions?: unknown[];
            scope?: string;
          }
        | undefined;
      if (!crd?.group)
        causes.push({
          reason: 'FieldValueRequired',
          field: 'spec.group',
          message: 'Required value',
        });
      if (!crd?.names?.plural)
        causes.push({
          reason: 'FieldValueRequired',
          field: 'spec.names.plural',
          message: 'Required value',
        });
      if (!crd?.names?.kind)
        causes.push({
          reason: 'FieldValueRequired',
          field: 'spec.names.kind',
          message: 'Required value',
        });
      if (!crd?.versions?.length)
        causes.push({
          reason: 'FieldValueRequired',
          field: 'spec.versions',
          message:
            'Required value: must have exactly one version marked as storage version',
        });
      if (crd?.scope !== 'Namespaced' && crd?.scope !== 'Cluster')
        causes.push({
          reason: 'FieldValueNotSupported',
          field: 'spec.scope',
          message: `Unsupported value: "${
            crd?.scope ?? ''
          }": supported values: "Cluster", "Namespaced"`,
        });
      if (
        crd?.group &&
        crd.names?.plural &&
        name !== `${crd.names.plural}.${crd.group}`
      ) {
        causes.push({
          reason: 'FieldValueInvalid',
          field: 'metadata.name',
          message: `Invalid value: "${name}": must be spec.names.plural+"."+spec.group`,
        });
      }
      break;
    }
    default:
      break;
  }
  if (causes.length > 0) {
    throw StatusError.invalid({
      kind: type.kind,
      group: type.group,
      name: name || obj.metadata?.generateName || '',
      causes,
    });
  }
}
