import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const databaseRestoreExamples: TemplateExample[] = [
  {
    description:
      'Restore test: restore the latest backup into a fresh database',
    example: yaml.stringify({
      steps: [
        {
          id: 'restore-test',
          action: 'carepath:database:restore',
          name: 'Restore test',
          input: {
            entityRef: 'component:default/patient-records',
            name: 'patient_records',
            backupId: '${{ steps.backup.output.backupId }}',
            targetDatabase: 'patient_records_restore_test',
          },
        },
      ],
    }),
  },
  {
    description: "Restore a backup into the service's own database",
    example: yaml.stringify({
      steps: [
        {
          id: 'restore',
          action: 'carepath:database:restore',
          name: 'Restore database',
          input: {
            entityRef: 'component:default/patient-records',
            name: 'patient_records',
            backupId: '${{ steps.backup.output.backupId }}',
          },
        },
      ],
    }),
  },
];
