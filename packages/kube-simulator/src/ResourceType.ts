/** Which name rule `metadata.name` of a resource must follow. */
export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path';

/** A column of `kubectl get` output, as CRDs declare `additionalPrinterColumns`. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

/** Everything the API needs to know about one served resource. */
export interface ResourceType {
  group: string;
  version: string;
  /** The plural resource name used in URLs, e.g. `deployments`. */
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  statusSubresource: boolean;
  scaleSubresource?: {
    specReplicasPath: string;
    statusReplicasPath: string;
    labelSelectorPath?: string;
  };
  /** Strategic merge patch is only offered for built-in kinds. */
  strategicMerge: boolean;
  nameRule: NameRule;
  /** Set for resources served because of a CustomResourceDefinition. */
  customResource: boolean;
  printerColumns?: PrinterColumn[];
  verbs: string[];
}

/** The `group/version` string, or just `version` for the core group. */
export function groupVersionOf(type: {
  group: string;
  version: string;
}): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** The key under which objects of a resource are stored. */
export function storageKeyOf(type: { group: string; plural: string }): string {
  return `${type.group}/${type.plural}`;
}
