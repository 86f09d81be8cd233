import { horizontalPodAutoscalerHealth } from './horizontalPodAutoscalerHealth';
import { projectHorizontalPodAutoscaler } from './projectObjects';
import healthy from './__fixtures__/hpa-healthy.json';
import atMax from './__fixtures__/hpa-at-max.json';
import atMin from './__fixtures__/hpa-at-min.json';
import metricsUnavailable from './__fixtures__/hpa-metrics-unavailable.json';
import unableToScale from './__fixtures__/hpa-unable-to-scale.json';
import scaling from './__fixtures__/hpa-scaling.json';
import scalingDisabled from './__fixtures__/hpa-scaling-disabled.json';

describe('horizontalPodAutoscalerHealth', () => {
  it.each([
    ['hpa-healthy', healthy, 'Healthy', '3 replicas (min 2, max 6)'],
    [
      'hpa-at-max',
      atMax,
      'Degraded',
      'At maximum replicas (6/6): scaling limited (TooManyReplicas): the desired replica count is more than the maximum replica count',
    ],
    ['hpa-at-min', atMin, 'Healthy', '2 replicas (min 2, max 6), at minimum'],
    [
      'hpa-metrics-unavailable',
      metricsUnavailable,
      'Degraded',
      'Autoscaling inactive (FailedGetResourceMetric): the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server is currently unable to handle the request (get pods.metrics.k8s.io)',
    ],
    [
      'hpa-unable-to-scale',
      unableToScale,
      'Degraded',
      'Unable to scale Deployment patient-portal-api (FailedGetScale): the HPA controller was unable to get the target\'s current scale: deployments/scale.apps "patient-portal-api" not found',
    ],
    [
      'hpa-scaling',
      scaling,
      'Progressing',
      'Scaling Deployment patient-portal-api from 3 to 5 replicas',
    ],
    [
      'hpa-scaling-disabled',
      scalingDisabled,
      'Suspended',
      'Autoscaling disabled (ScalingDisabled): scaling is disabled since the replica count of the target is zero',
    ],
  ])('%s', (_name, fixture, status, message) => {
    expect(
      horizontalPodAutoscalerHealth(projectHorizontalPodAutoscaler(fixture)),
    ).toEqual({ status, message });
  });
});
