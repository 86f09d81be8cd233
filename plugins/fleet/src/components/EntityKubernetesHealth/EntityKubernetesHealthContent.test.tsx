import { render, screen, within } from '@testing-library/react';
import {
  NOW,
  aClusterDetail,
  aClusterState,
  aPod,
  aPodReason,
  aServiceDetail,
  aWorkload,
  anEvent,
  minutesAgo,
} from '../../__fixtures__/builders';
import { EntityKubernetesHealthContent } from './EntityKubernetesHealthContent';

const crashLooping = aServiceDetail({
  health: {
    status: 'Degraded',
    message: 'Deployment patient-portal-api: 1 of 2 pods CrashLoopBackOff',
  },
  clusters: [
    aClusterDetail({
      cluster: 'prod-east',
      status: 'Degraded',
      message: 'Deployment patient-portal-api: 1 of 2 pods CrashLoopBackOff',
      workloads: [
        aWorkload({
          status: 'Degraded',
          message: '1 of 2 pods CrashLoopBackOff',
          ready: 1,
          desired: 2,
        }),
      ],
      pods: [
        aPod(),
        aPod({
          name: 'patient-portal-api-7d9c6b5f4-x9z2q',
          uid: 'uid-pod-2',
          status: 'Degraded',
          ready: false,
          readyContainers: 0,
          restarts: { total: 7, recent: 1 },
          node: 'node-b3',
          reasons: [
            aPodReason(),
            aPodReason({
              code: 'OOMKilled',
              message:
                'Container api was OOMKilled (exit 137) 2 minutes ago, 7 restarts',
            }),
          ],
        }),
      ],
      events: [anEvent()],
    }),
    aClusterDetail({
      cluster: 'prod-west',
      status: 'Unknown',
      clusterState: 'unreachable',
      message:
        'Cluster prod-west unreachable since 14:02; last good data 3 minutes old',
    }),
  ],
});

function renderContent(detail = crashLooping) {
  render(
    <EntityKubernetesHealthContent
      detail={detail}
      clusters={[
        aClusterState({ name: 'prod-east' }),
        aClusterState({
          name: 'prod-west',
          state: 'unreachable',
          lastSyncedAt: minutesAgo(3),
          lastError: 'connect ETIMEDOUT',
        }),
        aClusterState({ name: 'staging', state: 'unreachable' }),
      ]}
      entityName="patient-portal-api"
      kubernetesId="patient-portal-api"
      now={NOW}
      mode="live"
    />,
  );
}

describe('EntityKubernetesHealthContent', () => {
  it('shows a section per cluster with its health and connection', () => {
    renderContent();
    const east = screen.getByRole('region', { name: 'prod-east' });
    expect(east).toHaveTextContent('prod-east: Degraded');
    const west = screen.getByRole('region', { name: 'prod-west' });
    expect(west).toHaveTextContent('Connection: Unreachable');
    expect(west).toHaveTextContent('prod-west unreachable since 14:02');
  });

  it('lists workloads and pods with their reasons', () => {
    renderContent();
    const east = screen.getByRole('region', { name: 'prod-east' });
    const workloads = within(east).getByRole('table', { name: 'Workloads' });
    expect(workloads).toHaveTextContent('1 of 2 pods CrashLoopBackOff');
    expect(workloads).toHaveTextContent('1/2');

    const pods = within(east).getByRole('table', { name: 'Pods' });
    const row = within(pods)
      .getByText('patient-portal-api-7d9c6b5f4-x9z2q')
      .closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('node-b3');
    expect(row).toHaveTextContent('0/1');
    expect(row).toHaveTextContent('7');
    const reasons = within(pods).getByRole('list', { name: 'Reasons' });
    expect(reasons).toHaveTextContent('CrashLoopBackOff');
    expect(reasons).toHaveTextContent(
      'OOMKilledContainer api was OOMKilled (exit 137)',
    );
  });

  it('lists recent warning events', () => {
    renderContent();
    const events = screen.getByRole('table', { name: 'Warning events' });
    expect(events).toHaveTextContent('BackOff');
    expect(events).toHaveTextContent(
      'Back-off restarting failed container api in pod',
    );
    expect(events).toHaveTextContent('14');
    expect(events).toHaveTextContent('1 minute ago');
  });

  it('banners only the unreachable clusters the service runs in', () => {
    renderContent();
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent('Last error: connect ETIMEDOUT');
  });

  it('names the live clusters the service is not deployed to in one line', () => {
    renderContent(
      aServiceDetail({
        clusters: [
          aClusterDetail({ cluster: 'staging' }),
          aClusterDetail({
            cluster: 'prod-east',
            status: 'Missing',
            workloadCount: 0,
            workloads: [],
            pods: [],
            message: 'No workloads found in cluster prod-east',
          }),
          aClusterDetail({
            cluster: 'prod-west',
            status: 'Missing',
            workloadCount: 0,
            workloads: [],
            pods: [],
            message: 'No workloads found in cluster prod-west',
          }),
        ],
      }),
    );
    expect(screen.getByRole('region', { name: 'staging' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'prod-east' })).toBeNull();
    expect(
      screen.getByText('Not deployed in prod-east, prod-west.'),
    ).toBeInTheDocument();
  });

  it('explains the expected label when fleet does not know the service', () => {
    render(
      <EntityKubernetesHealthContent
        clusters={[]}
        entityName="lab-results"
        kubernetesId="lab-results"
        now={NOW}
        mode="polling"
      />,
    );
    expect(
      screen.getByText('No workloads found for this service yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('backstage.io/kubernetes-id=lab-results'),
    ).toBeInTheDocument();
  });

  it('names the label selector when the entity uses one', () => {
    render(
      <EntityKubernetesHealthContent
        clusters={[]}
        entityName="lab-results"
        labelSelector="app.kubernetes.io/name=lab-results"
        now={NOW}
        mode="polling"
      />,
    );
    expect(
      screen.getByText('app.kubernetes.io/name=lab-results'),
    ).toBeInTheDocument();
  });
});
