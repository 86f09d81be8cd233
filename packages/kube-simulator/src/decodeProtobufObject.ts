import { StatusError } from './Status';
import { JsonObject, JsonValue, KubeObject } from './types';

/** How one protobuf field maps to JSON. */
type FieldType =
  | 'string'
  | 'int'
  | 'bool'
  | 'bytes'
  | 'intOrString'
  | 'quantity'
  | { message: string }
  | { map: 'string' | 'bytes' | 'quantity' };

interface FieldDef {
  name: string;
  type: FieldType;
  repeated?: boolean;
  /** Pointer fields: a zero or false value was set on purpose. */
  keepZero?: boolean;
  /** Go-inlined structs: their fields belong to the parent in JSON. */
  inline?: boolean;
}

const s = (name: string): FieldDef => ({ name, type: 'string' });
const rs = (name: string): FieldDef => ({
  name,
  type: 'string',
  repeated: true,
});
const i = (name: string, keepZero = false): FieldDef => ({
  name,
  type: 'int',
  keepZero,
});
const b = (name: string, keepZero = false): FieldDef => ({
  name,
  type: 'bool',
  keepZero,
});
const m = (name: string, message: string, repeated = false): FieldDef => ({
  name,
  type: { message },
  repeated,
});
const map = (
  name: string,
  value: 'string' | 'bytes' | 'quantity' = 'string',
): FieldDef => ({ name, type: { map: value } });
const ios = (name: string): FieldDef => ({ name, type: 'intOrString' });

/**
 * Field numbers from the Kubernetes `generated.proto` files, for the kinds
 * kubectl's generators send as protobuf (`kubectl create namespace`,
 * `configmap`, `secret`, `serviceaccount`, `deployment`, `job`, `cronjob`,
 * `service`, `role`, `rolebinding`, `pdb`, `ingress`, ...).
 */
const messages: Record<string, Record<number, FieldDef>> = {
  ObjectMeta: {
    1: s('name'),
    2: s('generateName'),
    3: s('namespace'),
    5: s('uid'),
    6: s('resourceVersion'),
    7: i('generation'),
    11: map('labels'),
    12: map('annotations'),
    13: m('ownerReferences', 'OwnerReference', true),
    14: rs('finalizers'),
  },
  OwnerReference: {
    1: s('kind'),
    3: s('name'),
    4: s('uid'),
    5: s('apiVersion'),
    6: b('controller', true),
    7: b('blockOwnerDeletion', true),
  },
  LabelSelector: {
    1: map('matchLabels'),
    2: m('matchExpressions', 'LabelSelectorRequirement', true),
  },
  LabelSelectorRequirement: { 1: s('key'), 2: s('operator'), 3: rs('values') },
  Namespace: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'NamespaceSpec') },
  NamespaceSpec: { 1: rs('finalizers') },
  ConfigMap: {
    1: m('metadata', 'ObjectMeta'),
    2: map('data'),
    3: map('binaryData', 'bytes'),
    4: b('immutable', true),
  },
  Secret: {
    1: m('metadata', 'ObjectMeta'),
    2: map('data', 'bytes'),
    3: s('type'),
    4: map('stringData'),
    5: b('immutable', true),
  },
  Eviction: { 1: m('metadata', 'ObjectMeta') },
  SelfSubjectReview: { 1: m('metadata', 'ObjectMeta') },
  SelfSubjectAccessReview: {
    1: m('metadata', 'ObjectMeta'),
    2: m('spec', 'SelfSubjectAccessReviewSpec'),
  },
  SelfSubjectAccessReviewSpec: {
    1: m('resourceAttributes', 'ResourceAttributes'),
    2: m('nonResourceAttributes', 'NonResourceAttributes'),
  },
  ResourceAttributes: {
    1: s('namespace'),
    2: s('verb'),
    3: s('group'),
    4: s('version'),
    5: s('resource'),
    6: s('subresource'),
    7: s('name'),
  },
  NonResourceAttributes: { 1: s('path'), 2: s('verb') },
  ServiceAccount: {
    1: m('metadata', 'ObjectMeta'),
    3: m('imagePullSecrets', 'LocalObjectReference', true),
    4: b('automountServiceAccountToken', true),
  },
  LocalObjectReference: { 1: s('name') },
  Deployment: {
    1: m('metadata', 'ObjectMeta'),
    2: m('spec', 'DeploymentSpec'),
  },
  DeploymentSpec: {
    1: i('replicas', true),
    2: m('selector', 'LabelSelector'),
    3: m('template', 'PodTemplateSpec'),
    4: m('strategy', 'DeploymentStrategy'),
    5: i('minReadySeconds'),
    6: i('revisionHistoryLimit', true),
    7: b('paused'),
    9: i('progressDeadlineSeconds', true),
  },
  DeploymentStrategy: {
    1: s('type'),
    2: m('rollingUpdate', 'RollingUpdateDeployment'),
  },
  RollingUpdateDeployment: { 1: ios('maxUnavailable'), 2: ios('maxSurge') },
  PodTemplateSpec: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'PodSpec') },
  PodSpec: {
    2: m('containers', 'Container', true),
    3: s('restartPolicy'),
    4: i('terminationGracePeriodSeconds', true),
    5: i('activeDeadlineSeconds', true),
    6: s('dnsPolicy'),
    7: map('nodeSelector'),
    8: s('serviceAccountName'),
    10: s('nodeName'),
    20: m('initContainers', 'Container', true),
    21: b('automountServiceAccountToken', true),
  },
  Container: {
    1: s('name'),
    2: s('image'),
    3: rs('command'),
    4: rs('args'),
    5: s('workingDir'),
    6: m('ports', 'ContainerPort', true),
    7: m('env', 'EnvVar', true),
    8: m('resources', 'ResourceRequirements'),
    14: s('imagePullPolicy'),
  },
  ContainerPort: {
    1: s('name'),
    2: i('hostPort'),
    3: i('containerPort'),
    4: s('protocol'),
    5: s('hostIP'),
  },
  EnvVar: { 1: s('name'), 2: s('value') },
  ResourceRequirements: {
    1: map('limits', 'quantity'),
    2: map('requests', 'quantity'),
  },
  Job: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'JobSpec') },
  JobSpec: {
    1: i('parallelism', true),
    2: i('completions', true),
    3: i('activeDeadlineSeconds', true),
    4: m('selector', 'LabelSelector'),
    5: b('manualSelector', true),
    6: m('template', 'PodTemplateSpec'),
    7: i('backoffLimit', true),
    8: i('ttlSecondsAfterFinished', true),
    9: s('completionMode'),
    10: b('suspend', true),
  },
  CronJob: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'CronJobSpec') },
  CronJobSpec: {
    1: s('schedule'),
    2: i('startingDeadlineSeconds', true),
    3: s('concurrencyPolicy'),
    4: b('suspend', true),
    5: m('jobTemplate', 'JobTemplateSpec'),
    6: i('successfulJobsHistoryLimit', true),
    7: i('failedJobsHistoryLimit', true),
    8: s('timeZone'),
  },
  JobTemplateSpec: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'JobSpec') },
  Service: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'ServiceSpec') },
  ServiceSpec: {
    1: m('ports', 'ServicePort', true),
    2: map('selector'),
    3: s('clusterIP'),
    4: s('type'),
    5: rs('externalIPs'),
    7: s('sessionAffinity'),
    10: s('externalName'),
    11: s('externalTrafficPolicy'),
    12: i('healthCheckNodePort'),
    13: b('publishNotReadyAddresses'),
  },
  ServicePort: {
    1: s('name'),
    2: s('protocol'),
    3: i('port'),
    4: ios('targetPort'),
    5: i('nodePort'),
    6: s('appProtocol'),
  },
  Role: { 1: m('metadata', 'ObjectMeta'), 2: m('rules', 'PolicyRule', true) },
  ClusterRole: {
    1: m('metadata', 'ObjectMeta'),
    2: m('rules', 'PolicyRule', true),
  },
  PolicyRule: {
    1: rs('verbs'),
    2: rs('apiGroups'),
    3: rs('resources'),
    4: rs('resourceNames'),
    5: rs('nonResourceURLs'),
  },
  RoleBinding: {
    1: m('metadata', 'ObjectMeta'),
    2: m('subjects', 'Subject', true),
    3: m('roleRef', 'RoleRef'),
  },
  ClusterRoleBinding: {
    1: m('metadata', 'ObjectMeta'),
    2: m('subjects', 'Subject', true),
    3: m('roleRef', 'RoleRef'),
  },
  Subject: { 1: s('kind'), 2: s('apiGroup'), 3: s('name'), 4: s('namespace') },
  RoleRef: { 1: s('apiGroup'), 2: s('kind'), 3: s('name') },
  PodDisruptionBudget: {
    1: m('metadata', 'ObjectMeta'),
    2: m('spec', 'PodDisruptionBudgetSpec'),
  },
  PodDisruptionBudgetSpec: {
    1: ios('minAvailable'),
    2: m('selector', 'LabelSelector'),
    3: ios('maxUnavailable'),
    4: s('unhealthyPodEvictionPolicy'),
  },
  Ingress: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'IngressSpec') },
  IngressSpec: {
    1: m('defaultBackend', 'IngressBackend'),
    2: m('tls', 'IngressTLS', true),
    3: m('rules', 'IngressRule', true),
    4: s('ingressClassName'),
  },
  IngressTLS: { 1: rs('hosts'), 2: s('secretName') },
  IngressRule: {
    1: s('host'),
    2: {
      name: 'ingressRuleValue',
      type: { message: 'IngressRuleValue' },
      inline: true,
    },
  },
  IngressRuleValue: { 1: m('http', 'HTTPIngressRuleValue') },
  HTTPIngressRuleValue: { 1: m('paths', 'HTTPIngressPath', true) },
  HTTPIngressPath: {
    1: s('path'),
    2: m('backend', 'IngressBackend'),
    3: s('pathType'),
  },
  IngressBackend: {
    3: m('resource', 'TypedLocalObjectReference'),
    4: m('service', 'IngressServiceBackend'),
  },
  TypedLocalObjectReference: { 1: s('apiGroup'), 2: s('kind'), 3: s('name') },
  IngressServiceBackend: { 1: s('name'), 2: m('port', 'ServiceBackendPort') },
  ServiceBackendPort: { 1: s('name'), 2: i('number') },
};

/** The top-level message of each kind that can arrive as protobuf. */
const kinds = new Set([
  'Namespace',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Deployment',
  'Job',
  'CronJob',
  'Service',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'PodDisruptionBudget',
  'Ingress',
  'SelfSubjectAccessReview',
  'Eviction',
  'SelfSubjectReview',
]);

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let n = 0; n < 10; n++) {
      if (this.pos >= this.buf.length) throw new Error('truncated varint');
      const byte = this.buf[this.pos++];
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result >= 2 ** 63 ? result - 2 ** 64 : result;
      scale *= 128;
    }
    throw new Error('varint too long');
  }
  bytes(): Buffer {
    const length = this.varint();
    if (length < 0 || this.pos + length > this.buf.length)
      throw new Error('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.bytes();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

function decodeMessage(buf: Buffer, name: string): JsonObject {
  const schema = messages[name];
  const out: JsonObject = {};
  const reader = new Reader(buf);
  while (!reader.done) {
    const key = reader.varint();
    const field = schema[Math.floor(key / 8)];
    const wireType = key & 7;
    const expectedWireType =
      field?.type === 'int' || field?.type === 'bool' ? 0 : 2;
    if (!field || wireType !== expectedWireType) {
      // Unknown to this table (or a newer layout): skip, as proto decoders do.
      reader.skip(wireType);
      continue;
    }
    const value = decodeField(reader, field, wireType);
    if (value === undefined) continue;
    if (
      field.inline &&
      value &&
      typeof value === 'object' &&
      !Array.isArray(value)
    ) {
      Object.assign(out, value);
    } else if (field.repeated) {
      const list = (out[field.name] as JsonValue[] | undefined) ?? [];
      list.push(value);
      out[field.name] = list;
    } else if (typeof field.type === 'object' && 'map' in field.type) {
      out[field.name] = {
        ...((out[field.name] as JsonObject | undefined) ?? {}),
        ...(value as JsonObject),
      };
    } else {
      out[field.name] = value;
    }
  }
  return out;
}

function decodeField(
  reader: Reader,
  field: FieldDef,
  wireType: number,
): JsonValue | undefined {
  const type = field.type;
  if (type === 'int' || type === 'bool') {
    if (wireType !== 0)
      throw new Error(`field ${field.name}: expected a varint`);
    const n = reader.varint();
    if (n === 0 && !field.keepZero && !field.repeated) return undefined;
    return type === 'bool' ? n !== 0 : n;
  }
  if (wireType !== 2)
    throw new Error(`field ${field.name}: expected length-delimited data`);
  const data = reader.bytes();
  if (type === 'string') {
    const text = data.toString('utf8');
    return text === '' && !field.repeated ? undefined : text;
  }
  if (type === 'bytes') return data.toString('base64');
  if (type === 'quantity') return quantityOf(data);
  if (type === 'intOrString') return intOrStringOf(data);
  if ('map' in type) {
    const [key, value] = mapEntryOf(data, type.map);
    return { [key]: value };
  }
  return decodeMessage(data, type.message);
}

/** resource.Quantity: { 1: string }. */
function quantityOf(data: Buffer): string {
  const reader = new Reader(data);
  while (!reader.done) {
    const key = reader.varint();
    if (key === ((1 << 3) | 2)) return reader.bytes().toString('utf8');
    reader.skip(key & 7);
  }
  return '0';
}

/** intstr.IntOrString: { 1: type, 2: intVal, 3: strVal }. */
function intOrStringOf(data: Buffer): number | string {
  const reader = new Reader(data);
  let kind = 0;
  let intVal = 0;
  let strVal = '';
  while (!reader.done) {
    const key = reader.varint();
    if (key === ((1 << 3) | 0)) kind = reader.varint();
    else if (key === ((2 << 3) | 0)) intVal = reader.varint();
    else if (key === ((3 << 3) | 2)) strVal = reader.bytes().toString('utf8');
    else reader.skip(key & 7);
  }
  return kind === 1 ? strVal : intVal;
}

/** A map entry: { 1: key, 2: value }. */
function mapEntryOf(
  data: Buffer,
  valueType: 'string' | 'bytes' | 'quantity',
): [string, string] {
  const reader = new Reader(data);
  let key = '';
  let value = valueType === 'quantity' ? '0' : '';
  while (!reader.done) {
    const tag = reader.varint();
    if ((tag & 7) !== 2) {
      reader.skip(tag & 7);
      continue;
    }
    const bytes = reader.bytes();
    if (tag >> 3 === 1) key = bytes.toString('utf8');
    else if (tag >> 3 === 2) {
      if (valueType === 'bytes') value = bytes.toString('base64');
      else if (valueType === 'quantity') value = quantityOf(bytes);
      else value = bytes.toString('utf8');
    }
  }
  return [key, value];
}

const magic = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/**
 * Decodes a `application/vnd.kubernetes.protobuf` request body: the `k8s\0`
 * envelope (runtime.Unknown) around the object's own message. Only the kinds
 * kubectl's generators send are known; anything else answers 415, like a
 * server without protobuf support for that type.
 */
export function decodeProtobufObject(body: Buffer): KubeObject {
  if (body.length < 4 || !body.subarray(0, 4).equals(magic)) {
    throw StatusError.badRequest(
      'the protobuf body does not start with the Kubernetes magic number',
    );
  }
  try {
    const envelope = new Reader(body.subarray(4));
    let apiVersion = '';
    let kind = '';
    let raw: Buffer | undefined;
    while (!envelope.done) {
      const key = envelope.varint();
      const field = Math.floor(key / 8);
      if (field === 1 && (key & 7) === 2) {
        const typeMeta = new Reader(envelope.bytes());
        while (!typeMeta.done) {
          const k = typeMeta.varint();
          if ((k & 7) !== 2) {
            typeMeta.skip(k & 7);
            continue;
          }
          const text = typeMeta.bytes().toString('utf8');
          if (Math.floor(k / 8) === 1) apiVersion = text;
          else if (Math.floor(k / 8) === 2) kind = text;
        }
      } else if (field === 2 && (key & 7) === 2) {
        raw = envelope.bytes();
      } else {
        envelope.skip(key & 7);
      }
    }
    if (!kinds.has(kind) || !raw) {
      throw new StatusError({
        code: 415,
        message: `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (protobuf is only understood for ${[
          ...kinds,
        ].join(', ')})`,
      });
    }
    const decoded = decodeMessage(raw, kind);
    return {
      apiVersion,
      kind,
      ...decoded,
      metadata: (decoded.metadata as KubeObject['metadata']) ?? {},
    };
  } catch (error) {
    if (error instanceof StatusError) throw error;
    throw StatusError.badRequest(
      `unable to decode protobuf body: ${(error as Error).message}`,
    );
  }
}
