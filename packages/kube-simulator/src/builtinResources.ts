import { NameRule, ResourceType } from './ResourceType';

const allVerbs = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

interface Definition {
  gv: string;
  plural: string;
  kind: string;
  namespaced?: boolean;
  shortNames?: string[];
  categories?: string[];
  status?: boolean;
  scale?: boolean;
  nameRule?: NameRule;
  verbs?: string[];
}

const definitions: Definition[] = [
  {
    gv: 'v1',
    plural: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    status: true,
    nameRule: 'label',
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  },
  {
    gv: 'v1',
    plural: 'nodes',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
    status: true,
  },
  {
    gv: 'v1',
    plural: 'pods',
    kind: 'Pod',
    shortNames: ['po'],
    categories: ['all'],
    status: true,
  },
  {
    gv: 'v1',
    plural: 'services',
    kind: 'Service',
    shortNames: ['svc'],
    categories: ['all'],
    status: true,
    nameRule: 'dns1035',
    verbs: [
      'create',
      'delete',
      'deletecollection',
      'get',
      'list',
      'patch',
      'update',
      'watch',
    ],
  },
  { gv: 'v1', plural: 'endpoints', kind: 'Endpoints', shortNames: ['ep'] },
  { gv: 'v1', plural: 'configmaps', kind: 'ConfigMap', shortNames: ['cm'] },
  { gv: 'v1', plural: 'secrets', kind: 'Secret' },
  {
    gv: 'v1',
    plural: 'serviceaccounts',
    kind: 'ServiceAccount',
    shortNames: ['sa'],
  },
  { gv: 'v1', plural: 'events', kind: 'Event', shortNames: ['ev'] },
  {
    gv: 'v1',
    plural: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    shortNames: ['pvc'],
    status: true,
  },
  {
    gv: 'discovery.k8s.io/v1',
    plural: 'endpointslices',
    kind: 'EndpointSlice',
  },
  {
    gv: 'v1',
    plural: 'limitranges',
    kind: 'LimitRange',
    shortNames: ['limits'],
  },
  {
    gv: 'v1',
    plural: 'resourcequotas',
    kind: 'ResourceQuota',
    shortNames: ['quota'],
    status: true,
  },
  {
    gv: 'metrics.k8s.io/v1beta1',
    plural: 'pods',
    kind: 'PodMetrics',
    verbs: ['get', 'list'],
  },
  {
    gv: 'metrics.k8s.io/v1beta1',
    plural: 'nodes',
    kind: 'NodeMetrics',
    namespaced: false,
    verbs: ['get', 'list'],
  },
  {
    gv: 'apps/v1',
    plural: 'deployments',
    kind: 'Deployment',
    shortNames: ['deploy'],
    categories: ['all'],
    status: true,
    scale: true,
  },
  {
    gv: 'apps/v1',
    plural: 'replicasets',
    kind: 'ReplicaSet',
    shortNames: ['rs'],
    categories: ['all'],
    status: true,
    scale: true,
  },
  {
    gv: 'apps/v1',
    plural: 'statefulsets',
    kind: 'StatefulSet',
    shortNames: ['sts'],
    categories: ['all'],
    status: true,
    scale: true,
  },
  {
    gv: 'apps/v1',
    plural: 'daemonsets',
    kind: 'DaemonSet',
    shortNames: ['ds'],
    categories: ['all'],
    status: true,
  },
  { gv: 'apps/v1', plural: 'controllerrevisions', kind: 'ControllerRevision' },
  {
    gv: 'batch/v1',
    plural: 'jobs',
    kind: 'Job',
    categories: ['all'],
    status: true,
  },
  {
    gv: 'batch/v1',
    plural: 'cronjobs',
    kind: 'CronJob',
    shortNames: ['cj'],
    categories: ['all'],
    status: true,
  },
  {
    gv: 'autoscaling/v2',
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
    shortNames: ['hpa'],
    categories: ['all'],
    status: true,
  },
  {
    gv: 'networking.k8s.io/v1',
    plural: 'networkpolicies',
    kind: 'NetworkPolicy',
    shortNames: ['netpol'],
  },
  {
    gv: 'networking.k8s.io/v1',
    plural: 'ingresses',
    kind: 'Ingress',
    shortNames: ['ing'],
    status: true,
  },
  {
    gv: 'policy/v1',
    plural: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    shortNames: ['pdb'],
    status: true,
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    plural: 'roles',
    kind: 'Role',
    nameRule: 'path',
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    plural: 'rolebindings',
    kind: 'RoleBinding',
    nameRule: 'path',
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    plural: 'clusterroles',
    kind: 'ClusterRole',
    namespaced: false,
    nameRule: 'path',
  },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    plural: 'clusterrolebindings',
    kind: 'ClusterRoleBinding',
    namespaced: false,
    nameRule: 'path',
  },
  {
    gv: 'apiextensions.k8s.io/v1',
    plural: 'customresourcedefinitions',
    kind: 'CustomResourceDefinition',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    status: true,
  },
  {
    gv: 'authorization.k8s.io/v1',
    plural: 'selfsubjectaccessreviews',
    kind: 'SelfSubjectAccessReview',
    namespaced: false,
    verbs: ['create'],
  },
  {
    gv: 'authentication.k8s.io/v1',
    plural: 'selfsubjectreviews',
    kind: 'SelfSubjectReview',
    namespaced: false,
    verbs: ['create'],
  },
];

/** The resources every simulated cluster serves from the start. */
export function builtinResources(): ResourceType[] {
  return definitions.map(d => {
    const [group, version] = d.gv.includes('/') ? d.gv.split('/') : ['', d.gv];
    return {
      group,
      version,
      plural: d.plural,
      singular: d.kind.toLowerCase(),
      kind: d.kind,
      listKind: `${d.kind}List`,
      namespaced: d.namespaced ?? true,
      shortNames: d.shortNames ?? [],
      categories: d.categories ?? [],
      statusSubresource: d.status ?? false,
      scaleSubresource: d.scale
        ? {
            specReplicasPath: '.spec.replicas',
            statusReplicasPath: '.status.replicas',
            labelSelectorPath: '.status.selector',
          }
        : undefined,
      strategicMerge: true,
      nameRule: d.nameRule ?? 'subdomain',
      customResource: false,
      verbs: d.verbs ?? allVerbs,
    };
  });
}
