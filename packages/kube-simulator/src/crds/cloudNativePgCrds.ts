import { KubeObject } from '../types';

function crd(options: {
  kind: string;
  plural: string;
  shortNames?: string[];
  scale?: boolean;
  columns: Array<{
    name: string;
    type: string;
    jsonPath: string;
    description?: string;
  }>;
  specDescription: string;
}): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${options.plural}.postgresql.cnpg.io`,
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.16.5' },
      labels: { 'app.kubernetes.io/name': 'cloudnative-pg' },
    },
    spec: {
      group: 'postgresql.cnpg.io',
      names: {
        kind: options.kind,
        listKind: `${options.kind}List`,
        plural: options.plural,
        singular: options.kind.toLowerCase(),
        ...(options.shortNames ? { shortNames: options.shortNames } : {}),
      },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          additionalPrinterColumns: options.columns,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              required: ['metadata', 'spec'],
              properties: {
                apiVersion: { type: 'string' },
                kind: { type: 'string' },
                metadata: { type: 'object' },
                spec: {
                  type: 'object',
                  description: options.specDescription,
                  'x-kubernetes-preserve-unknown-fields': true,
                },
                status: {
                  type: 'object',
                  'x-kubernetes-preserve-unknown-fields': true,
                },
              },
            },
          },
          subresources: {
            status: {},
            ...(options.scale
              ? {
                  scale: {
                    specReplicasPath: '.spec.instances',
                    statusReplicasPath: '.status.instances',
                    labelSelectorPath: '.status.selector',
                  },
                }
              : {}),
          },
        },
      ],
    },
  };
}

/**
 * The CloudNativePG CustomResourceDefinitions (`postgresql.cnpg.io/v1`
 * Cluster, Database, Backup, ScheduledBackup) with their printer columns and a minimal
 * schema that accepts any spec.
 */
export function cloudNativePgCrds(): KubeObject[] {
  return [
    crd({
      kind: 'Cluster',
      plural: 'clusters',
      scale: true,
      specDescription:
        'Specification of the desired behavior of the PostgreSQL cluster.',
      columns: [
        { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        {
          name: 'Instances',
          type: 'integer',
          jsonPath: '.status.instances',
          description: 'Number of instances',
        },
        {
          name: 'Ready',
          type: 'integer',
          jsonPath: '.status.readyInstances',
          description: 'Number of ready instances',
        },
        {
          name: 'Status',
          type: 'string',
          jsonPath: '.status.phase',
          description: 'Cluster current status',
        },
        {
          name: 'Primary',
          type: 'string',
          jsonPath: '.status.currentPrimary',
          description: 'Primary pod',
        },
      ],
    }),
    crd({
      kind: 'Database',
      plural: 'databases',
      specDescription: 'Specification of the desired Database.',
      columns: [
        { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        { name: 'Cluster', type: 'string', jsonPath: '.spec.cluster.name' },
        { name: 'PG Name', type: 'string', jsonPath: '.spec.name' },
        { name: 'Applied', type: 'boolean', jsonPath: '.status.applied' },
        {
          name: 'Message',
          type: 'string',
          jsonPath: '.status.message',
          description: 'Latest reconciliation message',
        },
      ],
    }),
    crd({
      kind: 'Backup',
      plural: 'backups',
      specDescription: 'Specification of the desired behavior of the backup.',
      columns: [
        { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        { name: 'Cluster', type: 'string', jsonPath: '.spec.cluster.name' },
        { name: 'Method', type: 'string', jsonPath: '.spec.method' },
        { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
        { name: 'Error', type: 'string', jsonPath: '.status.error' },
      ],
    }),
    crd({
      kind: 'ScheduledBackup',
      plural: 'scheduledbackups',
      specDescription:
        'Specification of the desired behavior of the ScheduledBackup.',
      columns: [
        { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        { name: 'Cluster', type: 'string', jsonPath: '.spec.cluster.name' },
        {
          name: 'Last Backup',
          type: 'date',
          jsonPath: '.status.lastScheduleTime',
        },
      ],
    }),
  ];
}
