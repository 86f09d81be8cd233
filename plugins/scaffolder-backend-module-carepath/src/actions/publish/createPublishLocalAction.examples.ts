import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const publishLocalExamples: TemplateExample[] = [
  {
    description: 'Publish the rendered service to the local repository store',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'carepath:publish:local',
          name: 'Publish',
          input: { repoName: 'patient-intake', sourcePath: './' },
        },
      ],
    }),
  },
];
