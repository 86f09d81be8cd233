import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { aClusterDetail, aServiceDetail } from '../../__fixtures__/builders';
import { EntityFleetHealthCardContent } from './EntityFleetHealthCardContent';

describe('EntityFleetHealthCardContent', () => {
  it('summarises overall and per-cluster health, replicas and restarts', async () => {
    await renderInTestApp(
      <EntityFleetHealthCardContent
        tabHref="/catalog/default/component/lab-results/kubernetes-health"
        detail={aServiceDetail({
          health: {
            status: 'Progressing',
            message: 'Rollout in progress in staging',
          },
          ready: 5,
          desired: 6,
          restarts: { total: 3, recent: 1 },
          clusters: [
            aClusterDetail({ cluster: 'prod-east' }),
            aClusterDetail({
              cluster: 'staging',
              status: 'Progressing',
              message: '1 of 3 new replicas updated',
            }),
          ],
        })}
      />,
    );
    expect(
      screen.getByText('Rollout in progress in staging'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'staging: Progressing' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'prod-east: Healthy' }),
    ).toBeInTheDocument();
    expect(screen.getByText('5/6')).toBeInTheDocument();
    expect(screen.getByText('1 new')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View Kubernetes health/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/lab-results/kubernetes-health',
    );
  });

  it('says when no workloads were found', async () => {
    await renderInTestApp(<EntityFleetHealthCardContent tabHref="/x" />);
    expect(
      screen.getByText(/No workloads found in any cluster yet/),
    ).toBeInTheDocument();
  });
});
