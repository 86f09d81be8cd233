import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const databaseProvisionExamples: TemplateExample[] = [
  {
    description:
      'A PostgreSQL database for a service holding patient data (phi), with credentials delivered as a Secret',
    example: yaml.stringify({
      steps: [
        {
          id: 'provision-database',
          action: 'carepath:database:provision',
          name: 'Provision database',
          input: {
            entityRef: 'component:default/patient-records',
            name: 'patient_records',
            dataClassification: 'phi',
            backupPolicy: { maxAgeHours: 24 },
            cluster: 'staging-eu',
            namespace: 'patient-records',
          },
        },
      ],
    }),
  },
  {
    description:
      'An internal database on a named server with a chosen Secret name',
    example: yaml.stringify({
      steps: [
        {
          id: 'provision-database',
          action: 'carepath:database:provision',
          name: 'Provision database',
          input: {
            entityRef: 'component:default/rota-planner',
            name: 'rota_planner',
            server: 'main',
            dataClassification: 'internal',
            cluster: 'staging-eu',
            namespace: 'rota-planner',
            secretName: 'rota-planner-postgres',
          },
        },
      ],
    }),
  },
  {
    description:
      'A CloudNativePG Cluster and Database in the service namespace',
    example: yaml.stringify({
      steps: [
        {
          id: 'provision-database',
          action: 'carepath:database:provision',
          name: 'Provision database',
          input: {
            entityRef: 'component:default/appointments',
            name: 'appointments',
            provider: 'cloudnative-pg',
            createCluster: true,
            dataClassification: 'pii',
            backupPolicy: { maxAgeHours: 24 },
            cluster: 'staging-eu',
            namespace: 'appointments',
          },
        },
      ],
    }),
  },
];
