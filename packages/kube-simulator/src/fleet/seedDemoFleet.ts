import { SimulationSettings } from '../controllers/ControllerContext';
import { installCloudNativePgCrds } from '../crds/installCloudNativePgCrds';
import { Scenario } from '../scenarios';
import { SimulatedCluster } from '../SimulatedCluster';
import { KubeObject } from '../types';
import { seedCronJobHistory } from './seedCronJobHistory';
import { workloadObjects } from './workloadObjects';
import { DemoService } from './DemoService';

/** The demo clusters, in port order. */
export const demoClusterNames = ['prod-east', 'prod-west', 'staging'];

const all = ['prod-east', 'prod-west', 'staging'];
const registry = 'registry.carepath.example';

/** The demo fleet; the catalog entities in `examples/` match these names. */
export const demoServices: DemoService[] = [
  {
    name: 'patient-portal',
    namespace: 'patient-experience',
    system: 'patient-engagement',
    kind: 'Deployment',
    replicas: 3,
    image: `${registry}/patient-experience/patient-portal:4.12.0`,
    hpa: { min: 3, max: 6 },
    clusters: all,
    scenarios: { 'prod-east': 'hpa-max' },
  },
  {
    name: 'scheduling',
    namespace: 'patient-experience',
    system: 'patient-engagement',
    kind: 'Deployment',
    replicas: 2,
    image: `${registry}/patient-experience/scheduling:3.7.1`,
    clusters: all,
    scenarios: { 'prod-west': 'rollout-stuck' },
  },
  {
    name: 'telehealth-video',
    namespace: 'patient-experience',
    system: 'patient-engagement',
    kind: 'Deployment',
    replicas: 2,
    image: `${registry}/patient-experience/telehealth-video:1.9.4`,
    clusters: ['prod-east', 'prod-west'],
    scenarios: { 'prod-east': 'unschedulable' },
    memory: '6Gi',
  },
  {
    name: 'fhir-gateway',
    namespace: 'clinical-data',
    system: 'clinical-records',
    kind: 'Deployment',
    replicas: 3,
    image: `${registry}/clinical-data/fhir-gateway:2.14.3`,
    hpa: { min: 2, max: 8 },
    clusters: all,
  },
  {
    name: 'ehr-sync',
    namespace: 'clinical-data',
    system: 'clinical-records',
    kind: 'Deployment',
    replicas: 2,
    image: `${registry}/clinical-data/ehr-sync:5.3.0`,
    clusters: ['prod-east', 'staging'],
    scenarios: { 'prod-east': 'crashloop' },
  },
  {
    name: 'lab-results',
    namespace: 'clinical-data',
    system: 'clinical-records',
    kind: 'Deployment',
    replicas: 2,
    image: `${registry}/clinical-data/lab-results:3.1.2`,
    clusters: ['prod-west', 'staging'],
    scenarios: { 'prod-west': 'image-pull' },
    badImage: `${registry}/clinical-data/lab-results:3.2.0-rc1`,
  },
  {
    name: 'imaging-viewer',
    namespace: 'clinical-data',
    system: 'clinical-records',
    kind: 'Deployment',
    replicas: 2,
    image: `${registry}/clinical-data/imaging-viewer:7.0.2`,
    clusters: ['prod-east', 'prod-west'],
    scenarios: { 'prod-west': 'oom' },
    complianceGaps: true,
    pdb: false,
  },
  {
    name: 'hl7-ingest',
    namespace: 'clinical-data',
    system: 'clinical-records',
    kind: 'StatefulSet',
    replicas: 3,
    image: `${registry}/clinical-data/hl7-ingest:1.22.0`,
    clusters: all,
  },
  {
    name: 'claims-adjudication',
    namespace: 'revenue-cycle',
    system: 'revenue',
    kind: 'Deployment',
    replicas: 2,
    image: `${registry}/revenue-cycle/claims-adjudication:6.4.1`,
    clusters: ['prod-east', 'staging'],
    cronJob: { name: 'claims-batch', schedule: '*/5 * * * *' },
  },
  {
    name: 'consent-service',
    namespace: 'privacy',
    system: 'privacy-platform',
    kind: 'Deployment',
    replicas: 2,
    image: `${registry}/privacy/consent-service:2.0.8`,
    clusters: all,
    scenarios: { staging: 'readiness-failing' },
  },
  {
    name: 'audit-log',
    namespace: 'privacy',
    system: 'privacy-platform',
    kind: 'StatefulSet',
    replicas: 3,
    image: `${registry}/privacy/audit-log:3.5.0`,
    clusters: ['prod-east', 'prod-west'],
    daemonSet: 'audit-log-shipper',
  },
];

const unregistered: Array<
  DemoService & { labelsOnly?: Record<string, string> }
> = [
  {
    name: 'legacy-fax-gateway',
    namespace: 'default',
    system: '',
    kind: 'Deployment',
    replicas: 1,
    image: 'docker.io/carepath/legacy-fax-gateway:latest',
    clusters: ['prod-east'],
    complianceGaps: true,
    pdb: false,
    networkPolicy: false,
    nodePort: true,
    labelsOnly: { app: 'legacy-fax-gateway' },
  },
  {
    name: 'debug-toolbox',
    namespace: 'default',
    system: '',
    kind: 'Deployment',
    replicas: 1,
    image: 'docker.io/nicolaka/netshoot:v0.13',
    clusters: ['staging'],
    pdb: false,
    networkPolicy: false,
    labelsOnly: { 'backstage.io/kubernetes-id': 'debug-toolbox' },
  },
];

const namespaceLabels: Record<string, Record<string, string>> = {
  'patient-experience': {
    'carepath.io/data-classification': 'phi',
    'pod-security.kubernetes.io/enforce': 'restricted',
  },
  'clinical-data': {
    'carepath.io/data-classification': 'phi',
    'pod-security.kubernetes.io/enforce': 'baseline',
  },
  'revenue-cycle': {
    'carepath.io/data-classification': 'pii',
    'pod-security.kubernetes.io/enforce': 'restricted',
  },
  privacy: {
    'carepath.io/data-classification': 'phi',
    'pod-security.kubernetes.io/enforce': 'restricted',
  },
};

function postgresCluster(
  name: string,
  namespace: string,
  system: string,
): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: {
      name,
      namespace,
      labels: {
        'app.kubernetes.io/part-of': system,
        'backstage.io/kubernetes-id': name.replace(/-db$/, ''),
      },
    },
    spec: {
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:16.6',
      storage: { size: '50Gi', storageClass: 'gp3-encrypted' },
      backup: {
        retentionPolicy: '30d',
        barmanObjectStore: {
          destinationPath: `s3://carepath-pg-backups/${name}`,
        },
      },
    },
    status: {
      instances: 3,
      readyInstances: 3,
      phase: 'Cluster in healthy state',
      currentPrimary: `${name}-1`,
      targetPrimary: `${name}-1`,
      selector: `cnpg.io/cluster=${name}`,
    },
  };
}

/**
 * Seeds the demo fleet: namespaces, workloads, Services, ServiceAccounts,
 * NetworkPolicies, PDBs, HPAs and a CronJob per the README table, the
 * CloudNativePG CRDs, then plays each cluster's failure scenarios. Runs
 * with instant pod start-up and restores the configured delay afterwards.
 */
export async function seedDemoFleet(options: {
  clusters: SimulatedCluster[];
  settings: SimulationSettings;
}): Promise<void> {
  for (const cluster of options.clusters) {
    cluster.configure({ podReadyDelayMs: 0 });
    installCloudNativePgCrds(cluster);
    const services = [...demoServices, ...unregistered].filter(s =>
      s.clusters.includes(cluster.name),
    );
    for (const ns of new Set(services.map(s => s.namespace))) {
      if (ns === 'default') continue;
      cluster.apply(
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: ns,
            labels: {
              'kubernetes.io/metadata.name': ns,
              ...(namespaceLabels[ns] ?? {}),
            },
          },
        },
        { fieldManager: 'kubectl-client-side-apply' },
      );
    }
    for (const service of services) {
      for (const obj of workloadObjects({ service, cluster: cluster.name })) {
        cluster.apply(obj, { fieldManager: 'kubectl-client-side-apply' });
      }
    }
    if (cluster.name !== 'staging') {
      cluster.apply(
        postgresCluster('fhir-gateway-db', 'clinical-data', 'clinical-records'),
        { fieldManager: 'kubectl-client-side-apply', keepStatus: true },
      );
    }
    for (const service of services) {
      if (service.cronJob) {
        seedCronJobHistory({
          cluster,
          namespace: service.namespace,
          name: service.cronJob.name,
        });
      }
    }
    await cluster.settled();
    for (const service of services) {
      const scenario: Scenario | undefined = service.scenarios?.[cluster.name];
      if (!scenario) continue;
      if (service.badImage) {
        const deployment = cluster.get({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          namespace: service.namespace,
          name: service.name,
        })!;
        const next = structuredClone(deployment);
        const spec = next.spec as {
          template: { spec: { containers: Array<{ image: string }> } };
        };
        spec.template.spec.containers[0].image = service.badImage;
        cluster.apply(next, { fieldManager: 'kubectl-set' });
      }
      cluster.setScenario({
        namespace: service.namespace,
        kind: service.kind,
        name: service.name,
        scenario,
      });
      if (scenario === 'unschedulable') {
        await cluster.settled();
      }
    }
    await cluster.settled();
    cluster.configure({ podReadyDelayMs: options.settings.podReadyDelayMs });
  }
}
