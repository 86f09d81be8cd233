import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const catalogLifecycleExamples: TemplateExample[] = [
  {
    description: 'Promote a service to production',
    example: yaml.stringify({
      steps: [
        {
          id: 'lifecycle',
          action: 'carepath:catalog:lifecycle',
          name: 'Promote to production',
          input: {
            entityRef: 'component:default/patient-records',
            lifecycle: 'production',
            currentLifecycle: 'experimental',
          },
        },
      ],
    }),
  },
  {
    description: 'Mark a service decommissioned (final)',
    example: yaml.stringify({
      steps: [
        {
          id: 'lifecycle',
          action: 'carepath:catalog:lifecycle',
          name: 'Decommission',
          input: {
            entityRef: 'component:default/patient-records',
            lifecycle: 'decommissioned',
          },
        },
      ],
    }),
  },
];
