import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const complianceCheckExamples: TemplateExample[] = [
  {
    description: 'Check a freshly rendered service before it is published',
    example: yaml.stringify({
      steps: [
        {
          id: 'compliance',
          action: 'carepath:compliance:check',
          name: 'Compliance check',
          input: { path: 'kubernetes/', catalogInfoPath: 'catalog-info.yaml' },
        },
      ],
    }),
  },
];
