import { clusterObjects, manifests, workload } from './__fixtures__/build';
import { observeKubernetesObjects } from './observeKubernetesObjects';

describe('observeKubernetesObjects', () => {
  it('observes a Deployment pod template', () => {
    expect(workload('deployment-compliant.yaml')).toMatchObject({
      source: { type: 'manifest', file: 'k8s/deployment-compliant.yaml' },
      kind: 'Deployment',
      namespace: 'fhir-gateway',
      name: 'fhir-gateway',
      replicas: 3,
      podLabels: { 'app.kubernetes.io/name': 'fhir-gateway' },
      podSpecPath: 'spec.template.spec',
      serviceAccountName: 'fhir-gateway',
      automountServiceAccountToken: false,
      podSecurityContext: {
        runAsNonRoot: true,
        seccompProfileType: 'RuntimeDefault',
      },
      initContainers: [
        { name: 'migrate', path: 'spec.template.spec.initContainers[0]' },
      ],
      containers: [
        {
          name: 'api',
          image: 'ghcr.io/carepath/fhir-gateway:1.4.2',
          path: 'spec.template.spec.containers[0]',
          securityContext: {
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'], add: [] },
          },
          resources: {
            requests: { cpu: '250m', memory: '256Mi' },
            limits: { memory: '512Mi' },
          },
          probes: { liveness: true, readiness: true, startup: false },
        },
      ],
    });
  });

  it('finds the CronJob pod template under jobTemplate', () => {
    expect(workload('cronjob-compliant.yaml').containers[0].path).toBe(
      'spec.jobTemplate.spec.template.spec.containers[0]',
    );
  });

  it('observes the objects governing workloads', () => {
    const observed = manifests(
      'service-nodeport.yaml',
      'ingress-uncovered-host.yaml',
      'networkpolicy-default-deny.yaml',
      'pdb-other-app.yaml',
      'hpa-min-one.yaml',
      'serviceaccount-compliant.yaml',
    );
    expect(observed).toMatchObject({
      services: [{ name: 'fhir-gateway-debug', type: 'NodePort' }],
      ingresses: [
        {
          hosts: ['fhir.carepath.example', 'smart.carepath.example'],
          tls: [
            {
              hosts: ['fhir.carepath.example'],
              secretName: 'fhir-gateway-tls',
            },
          ],
        },
      ],
      networkPolicies: [
        {
          podSelector: { matchLabels: {}, matchExpressions: [] },
          policyTypes: ['Ingress'],
        },
      ],
      pdbs: [
        {
          minAvailable: 1,
          selector: {
            matchExpressions: [
              {
                key: 'app.kubernetes.io/name',
                operator: 'In',
                values: ['scheduling-api'],
              },
            ],
          },
        },
      ],
      hpas: [
        {
          target: { kind: 'Deployment', name: 'fhir-gateway' },
          minReplicas: 1,
          maxReplicas: 6,
        },
      ],
      serviceAccounts: [
        { name: 'fhir-gateway', automountServiceAccountToken: false },
      ],
    });
  });

  it('attributes live objects to their cluster', () => {
    const [live] = clusterObjects(
      'prod-east',
      'deployment-compliant.yaml',
    ).workloads;
    expect(live.source).toEqual({ type: 'cluster', cluster: 'prod-east' });
  });

  it('expands Lists and ignores other kinds, Backstage entities included', () => {
    const observed = observeKubernetesObjects(
      [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'fhir-gateway' },
        },
        {
          apiVersion: 'v1',
          kind: 'List',
          items: [
            {
              apiVersion: 'v1',
              kind: 'Service',
              metadata: { name: 'api' },
              spec: {},
            },
          ],
        },
        'not an object',
      ],
      { source: { type: 'cluster', cluster: 'prod-east' } },
    );
    expect(observed.services.map(s => `${s.name}:${s.type}`)).toEqual([
      'api:ClusterIP',
    ]);
  });

  it('reads a wrongly typed field as unset, so it never passes', () => {
    const observed = observeKubernetesObjects(
      [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'x' },
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: 'c',
                    securityContext: { readOnlyRootFilesystem: 'true' },
                  },
                ],
              },
            },
          },
        },
      ],
      { source: { type: 'manifest', file: 'x.yaml' } },
    );
    expect(
      observed.workloads[0].containers[0].securityContext
        .readOnlyRootFilesystem,
    ).toBeUndefined();
  });
});
