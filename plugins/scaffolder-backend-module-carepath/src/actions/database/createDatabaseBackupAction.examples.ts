import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const databaseBackupExamples: TemplateExample[] = [
  {
    description: "Back up a service's database into the encrypted backup store",
    example: yaml.stringify({
      steps: [
        {
          id: 'backup',
          action: 'carepath:database:backup',
          name: 'Back up database',
          input: {
            entityRef: 'component:default/patient-records',
            name: 'patient_records',
          },
        },
      ],
    }),
  },
];
