import { builtinResources } from './builtinResources';
import {
  PrinterColumn,
  ResourceType,
  groupVersionOf,
  storageKeyOf,
} from './ResourceType';
import { KubeObject } from './types';

/** The parts of a CustomResourceDefinition the registry reads. */
interface CrdSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: {
    plural: string;
    singular?: string;
    kind: string;
    listKind?: string;
    shortNames?: string[];
    categories?: string[];
  };
  versions: Array<{
    name: string;
    served: boolean;
    storage: boolean;
    subresources?: {
      status?: object;
      scale?: {
        specReplicasPath: string;
        statusReplicasPath: string;
        labelSelectorPath?: string;
      };
    };
    additionalPrinterColumns?: PrinterColumn[];
  }>;
}

/**
 * The resources a cluster serves: the built-in ones plus whatever
 * CustomResourceDefinitions have been created. Also answers discovery.
 */
export class ResourceRegistry {
  private readonly types: ResourceType[] = [];
  private readonly crdTypes = new Map<string, ResourceType[]>();

  constructor() {
    this.types.push(...builtinResources());
  }

  all(): ResourceType[] {
    return this.types;
  }

  /** Finds a resource by the URL parts `group`, `version` and plural name. */
  find(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.types.find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
  }

  /** Finds a resource by `apiVersion` and `kind`, as found in object bodies. */
  findByKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.types.find(
      t => groupVersionOf(t) === apiVersion && t.kind === kind,
    );
  }

  /** Finds the stored resource for a group and plural, any version. */
  findByStorageKey(key: string): ResourceType | undefined {
    return this.types.find(t => storageKeyOf(t) === key);
  }

  /** Registers (or re-registers) the resources a CRD declares. */
  registerCrd(crd: KubeObject): ResourceType[] {
    const name = crd.metadata.name ?? '';
    this.unregisterCrd(name);
    const spec = crd.spec as CrdSpec;
    const added: ResourceType[] = spec.versions
      .filter(v => v.served)
      .map(v => ({
        group: spec.group,
        version: v.name,
        plural: spec.names.plural,
        singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
        kind: spec.names.kind,
        listKind: spec.names.listKind ?? `${spec.names.kind}List`,
        namespaced: spec.scope !== 'Cluster',
        shortNames: spec.names.shortNames ?? [],
        categories: spec.names.categories ?? [],
        statusSubresource: Boolean(v.subresources?.status),
        scaleSubresource: v.subresources?.scale,
        strategicMerge: false,
        nameRule: 'subdomain',
        customResource: true,
        printerColumns: v.additionalPrinterColumns,
        verbs: [
          'delete',
          'deletecollection',
          'get',
          'list',
          'patch',
          'create',
          'update',
          'watch',
        ],
      }));
    this.crdTypes.set(name, added);
    this.types.push(...added);
    return added;
  }

  unregisterCrd(name: string): ResourceType[] {
    const existing = this.crdTypes.get(name) ?? [];
    for (const type of existing) {
      const index = this.types.indexOf(type);
      if (index >= 0) {
        this.types.splice(index, 1);
      }
    }
    this.crdTypes.delete(name);
    return existing;
  }

  /** `GET /api` */
  coreVersions(serverAddress: string): object {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
    };
  }

  /** `GET /apis` */
  groupList(): object {
    const groups = new Map<string, string[]>();
    for (const t of this.types) {
      if (!t.group) continue;
      const versions = groups.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      groups.set(t.group, versions);
    }
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups.entries()].map(([name, versions]) =>
        this.groupDocument(name, versions),
      ),
    };
  }

  /** `GET /apis/<group>`, or undefined when no such group is served. */
  group(name: string): object | undefined {
    const versions = [
      ...new Set(this.types.filter(t => t.group === name).map(t => t.version)),
    ];
    if (versions.length === 0) return undefined;
    return {
      kind: 'APIGroup',
      apiVersion: 'v1',
      ...this.groupDocument(name, versions),
    };
  }

  private groupDocument(name: string, versions: string[]) {
    const list = versions.map(version => ({
      groupVersion: `${name}/${version}`,
      version,
    }));
    return { name, versions: list, preferredVersion: list[0] };
  }

  /** `GET /api/v1` or `GET /apis/<group>/<version>`, or undefined if not served. */
  resourceList(group: string, version: string): object | undefined {
    const types = this.types.filter(
      t => t.group === group && t.version === version,
    );
    if (types.length === 0) return undefined;
    const resources: object[] = [];
    for (const t of types) {
      resources.push({
        name: t.plural,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: t.verbs,
        ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
        ...(t.categories.length ? { categories: t.categories } : {}),
      });
      if (t.statusSubresource) {
        resources.push({
          name: `${t.plural}/status`,
          singularName: '',
          namespaced: t.namespaced,
          kind: t.kind,
          verbs: ['get', 'patch', 'update'],
        });
      }
      if (t.plural === 'pods' && !t.group) {
        resources.push({
          name: 'pods/log',
          singularName: '',
          namespaced: true,
          kind: 'Pod',
          verbs: ['get'],
        });
        resources.push({
          name: 'pods/eviction',
          singularName: '',
          namespaced: true,
          group: 'policy',
          version: 'v1',
          kind: 'Eviction',
          verbs: ['create'],
        });
      }
      if (t.scaleSubresource) {
        resources.push({
          name: `${t.plural}/scale`,
          singularName: '',
          namespaced: t.namespaced,
          group: 'autoscaling',
          version: 'v1',
          kind: 'Scale',
          verbs: ['get', 'patch', 'update'],
        });
      }
    }
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group ? `${group}/${version}` : version,
      resources,
    };
  }
}
