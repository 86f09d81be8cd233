import { entityWorkloadSelector } from './entityWorkloadSelector';

describe('entityWorkloadSelector', () => {
  it('uses the kubernetes-id as a label selector', () => {
    expect(
      entityWorkloadSelector({
        'backstage.io/kubernetes-id': 'patient-portal-api',
      }),
    ).toEqual({ selector: 'backstage.io/kubernetes-id=patient-portal-api' });
  });

  it('prefers the label-selector annotation and keeps namespace and cluster', () => {
    expect(
      entityWorkloadSelector({
        'backstage.io/kubernetes-id': 'patient-portal-api',
        'backstage.io/kubernetes-label-selector':
          'app.kubernetes.io/name=patient-portal-api,env in (prod)',
        'backstage.io/kubernetes-namespace': 'patient-portal',
        'backstage.io/kubernetes-cluster': 'prod-west',
      }),
    ).toEqual({
      selector: 'app.kubernetes.io/name=patient-portal-api,env in (prod)',
      namespace: 'patient-portal',
      cluster: 'prod-west',
    });
  });

  it('returns undefined for entities without Kubernetes annotations', () => {
    expect(entityWorkloadSelector(undefined)).toBeUndefined();
    expect(
      entityWorkloadSelector({
        'backstage.io/kubernetes-namespace': 'patient-portal',
      }),
    ).toBeUndefined();
    expect(
      entityWorkloadSelector({ 'backstage.io/kubernetes-id': '' }),
    ).toBeUndefined();
  });
});
