import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const databaseDecommissionExamples: TemplateExample[] = [
  {
    description:
      'Decommission an internal database (a final backup is taken first)',
    example: yaml.stringify({
      steps: [
        {
          id: 'decommission',
          action: 'carepath:database:decommission',
          name: 'Decommission database',
          input: {
            entityRef: 'component:default/rota-planner',
            name: 'rota_planner',
          },
        },
      ],
    }),
  },
  {
    description: 'Decommission a phi database, confirming its name',
    example: yaml.stringify({
      steps: [
        {
          id: 'decommission',
          action: 'carepath:database:decommission',
          name: 'Decommission database',
          input: {
            entityRef: 'component:default/patient-records',
            name: 'patient_records',
            confirm: 'patient_records',
          },
        },
      ],
    }),
  },
];
