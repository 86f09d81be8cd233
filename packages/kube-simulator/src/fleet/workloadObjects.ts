import { KubeObject } from '../types';
import { DemoService } from './DemoService';

function labelsFor(service: DemoService): Record<string, string> {
  if (service.labelsOnly) return { ...service.labelsOnly };
  return {
    'backstage.io/kubernetes-id': service.name,
    'app.kubernetes.io/name': service.name,
    'app.kubernetes.io/part-of': service.system,
    'app.kubernetes.io/managed-by': 'argocd',
  };
}

function selectorFor(service: DemoService): Record<string, string> {
  return service.labelsOnly
    ? { ...service.labelsOnly }
    : { 'app.kubernetes.io/name': service.name };
}

function podSpec(
  service: DemoService,
  options: { command?: string[]; restartPolicy?: string } = {},
): Record<string, unknown> {
  const gaps = Boolean(service.complianceGaps);
  const version = service.image.split(':').pop() ?? 'latest';
  return {
    ...(gaps
      ? {}
      : {
          serviceAccountName: service.name,
          automountServiceAccountToken: false,
        }),
    ...(options.restartPolicy ? { restartPolicy: options.restartPolicy } : {}),
    securityContext: gaps
      ? {}
      : {
          runAsNonRoot: true,
          runAsUser: 10001,
          runAsGroup: 10001,
          fsGroup: 10001,
          seccompProfile: { type: 'RuntimeDefault' },
        },
    containers: [
      {
        name: service.name,
        image: service.image,
        ...(options.command ? { command: options.command } : {}),
        ports: options.command
          ? []
          : [
              { name: 'http', containerPort: 8080, protocol: 'TCP' },
              { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
            ],
        env: [
          { name: 'SERVICE_NAME', value: service.name },
          { name: 'SERVICE_VERSION', value: version },
          {
            name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
            value: 'http://otel-collector.observability.svc:4317',
          },
          {
            name: 'POD_NAME',
            valueFrom: {
              fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' },
            },
          },
        ],
        resources: {
          requests: { cpu: '250m', memory: service.memory ?? '512Mi' },
          limits: { cpu: '1', memory: service.memory ?? '1Gi' },
        },
        ...(options.command
          ? {}
          : {
              readinessProbe: {
                httpGet: {
                  path: '/healthz/ready',
                  port: 'http',
                  scheme: 'HTTP',
                },
                initialDelaySeconds: 5,
                periodSeconds: 10,
                timeoutSeconds: 2,
                successThreshold: 1,
                failureThreshold: 3,
              },
              livenessProbe: {
                httpGet: {
                  path: '/healthz/live',
                  port: 'http',
                  scheme: 'HTTP',
                },
                initialDelaySeconds: 15,
                periodSeconds: 20,
                timeoutSeconds: 2,
                successThreshold: 1,
                failureThreshold: 3,
              },
            }),
        securityContext: gaps
          ? { allowPrivilegeEscalation: false }
          : {
              runAsNonRoot: true,
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
            },
        volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
      },
    ],
    volumes: [{ name: 'tmp', emptyDir: {} }],
  };
}

/**
 * The Kubernetes objects of one fleet service on one cluster: the workload
 * and, as a platform team would ship them, its Service, ServiceAccount,
 * NetworkPolicy, PodDisruptionBudget, HPA, CronJob and DaemonSet.
 */
export function workloadObjects(options: {
  service: DemoService;
  cluster: string;
}): KubeObject[] {
  const { service } = options;
  const labels = labelsFor(service);
  const selector = selectorFor(service);
  const meta = (name: string, extra: Record<string, string> = {}) => ({
    name,
    namespace: service.namespace,
    labels: { ...labels, ...extra },
  });
  const objects: KubeObject[] = [];
  const registered = !service.labelsOnly;
  if (registered && !service.complianceGaps) {
    objects.push({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta(service.name),
      automountServiceAccountToken: false,
    });
  }
  const template = {
    metadata: {
      labels: { ...labels, ...selector },
      annotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
      },
    },
    spec: podSpec(service),
  };
  if (service.kind === 'Deployment') {
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        ...meta(service.name),
        annotations: {
          'carepath.io/owner': service.system || 'unknown',
          'carepath.io/cluster': options.cluster,
        },
      },
      spec: {
        replicas: service.replicas,
        revisionHistoryLimit: 5,
        selector: { matchLabels: selector },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        },
        template,
      },
    });
  } else {
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta(service.name),
      spec: {
        replicas: service.replicas,
        serviceName: `${service.name}-headless`,
        selector: { matchLabels: selector },
        podManagementPolicy: 'OrderedReady',
        template,
      },
    });
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(`${service.name}-headless`),
      spec: {
        clusterIP: 'None',
        selector,
        ports: [{ name: 'http', port: 8080, targetPort: 'http' }],
      },
    });
  }
  objects.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(service.name),
    spec: {
      type: service.nodePort ? 'NodePort' : 'ClusterIP',
      selector,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  });
  if (service.networkPolicy !== false) {
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(service.name),
      spec: {
        podSelector: { matchLabels: selector },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: {
                    'kubernetes.io/metadata.name': 'ingress-nginx',
                  },
                },
              },
              {
                podSelector: {
                  matchLabels: { 'app.kubernetes.io/part-of': service.system },
                },
              },
            ],
            ports: [{ protocol: 'TCP', port: 8080 }],
          },
        ],
        egress: [
          {
            to: [{ namespaceSelector: {} }],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 443 },
              { protocol: 'TCP', port: 5432 },
            ],
          },
        ],
      },
    });
  }
  if (service.pdb !== false) {
    objects.push({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta(service.name),
      spec: { minAvailable: 1, selector: { matchLabels: selector } },
    });
  }
  if (service.hpa) {
    objects.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta(service.name),
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: service.kind,
          name: service.name,
        },
        minReplicas: service.hpa.min,
        maxReplicas: service.hpa.max,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'Utilization', averageUtilization: 70 },
            },
          },
        ],
      },
    });
  }
  if (service.cronJob) {
    objects.push({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta(service.cronJob.name),
      spec: {
        schedule: service.cronJob.schedule,
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          metadata: { labels },
          spec: {
            backoffLimit: 2,
            template: {
              metadata: {
                labels: { ...labels, 'app.kubernetes.io/component': 'batch' },
              },
              spec: podSpec(service, {
                command: ['/app/bin/claims-batch', '--window=5m'],
                restartPolicy: 'Never',
              }),
            },
          },
        },
      },
    });
  }
  if (service.daemonSet) {
    const dsSelector = { 'app.kubernetes.io/name': service.daemonSet };
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: meta(service.daemonSet, {
        'app.kubernetes.io/component': 'shipper',
      }),
      spec: {
        selector: { matchLabels: dsSelector },
        template: {
          metadata: {
            labels: {
              ...labels,
              ...dsSelector,
              'app.kubernetes.io/component': 'shipper',
            },
          },
          spec: {
            ...podSpec({
              ...service,
              name: service.daemonSet,
              image: service.image.replace('audit-log:', 'audit-log-shipper:'),
            }),
            tolerations: [
              {
                key: 'node-role.kubernetes.io/control-plane',
                operator: 'Exists',
                effect: 'NoSchedule',
              },
            ],
          },
        },
      },
    });
  }
  return objects;
}
