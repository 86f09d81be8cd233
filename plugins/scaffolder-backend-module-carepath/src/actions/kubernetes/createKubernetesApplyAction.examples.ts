import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const kubernetesApplyExamples: TemplateExample[] = [
  {
    description:
      "Apply the workspace's kubernetes/ manifests and wait for the rollout",
    example: yaml.stringify({
      steps: [
        {
          id: 'apply',
          action: 'carepath:kubernetes:apply',
          name: 'Deploy to staging',
          input: {
            cluster: 'staging-eu',
            path: 'kubernetes/',
            namespace: 'patient-records',
            waitForRollout: { timeoutSeconds: 300 },
          },
        },
      ],
    }),
  },
  {
    description: 'Apply an inline ConfigMap',
    example: yaml.stringify({
      steps: [
        {
          id: 'apply',
          action: 'carepath:kubernetes:apply',
          name: 'Apply settings',
          input: {
            cluster: 'staging-eu',
            manifests: [
              {
                apiVersion: 'v1',
                kind: 'ConfigMap',
                metadata: {
                  name: 'patient-records-settings',
                  namespace: 'patient-records',
                },
                data: { LOG_LEVEL: 'info' },
              },
            ],
          },
        },
      ],
    }),
  },
];
