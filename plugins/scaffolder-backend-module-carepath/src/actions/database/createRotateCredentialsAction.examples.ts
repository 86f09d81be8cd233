import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const rotateCredentialsExamples: TemplateExample[] = [
  {
    description:
      "Rotate a service's database password and restart the workloads labelled with its entity name",
    example: yaml.stringify({
      steps: [
        {
          id: 'rotate',
          action: 'carepath:database:rotate-credentials',
          name: 'Rotate database credentials',
          input: {
            entityRef: 'component:default/patient-records',
            name: 'patient_records',
          },
        },
      ],
    }),
  },
  {
    description:
      'Rotate, restarting workloads with a different backstage.io/kubernetes-id',
    example: yaml.stringify({
      steps: [
        {
          id: 'rotate',
          action: 'carepath:database:rotate-credentials',
          name: 'Rotate database credentials',
          input: {
            entityRef: 'component:default/patient-records',
            name: 'patient_records',
            kubernetesId: 'patient-records-api',
          },
        },
      ],
    }),
  },
];
