import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const kubernetesScaleExamples: TemplateExample[] = [
  {
    description: 'Scale a service to zero before decommissioning it',
    example: yaml.stringify({
      steps: [
        {
          id: 'scale-to-zero',
          action: 'carepath:kubernetes:scale',
          name: 'Stop the service',
          input: {
            cluster: 'staging-eu',
            namespace: 'patient-records',
            name: 'records-api',
            replicas: 0,
          },
        },
      ],
    }),
  },
];
