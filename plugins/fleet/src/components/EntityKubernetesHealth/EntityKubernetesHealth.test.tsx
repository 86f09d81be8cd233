import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { fleetApiRef } from '../../api/FleetApi';
import { FakeFleetApi } from '../../__fixtures__/FakeFleetApi';
import { aServiceDetail } from '../../__fixtures__/builders';
import { EntityKubernetesHealth } from './EntityKubernetesHealth';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'lab-results',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'lab-results' },
  },
  spec: {
    type: 'service',
    owner: 'group:default/laboratory',
    lifecycle: 'production',
  },
};

async function renderTab(api: FakeFleetApi) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityKubernetesHealth />
    </EntityProvider>,
    { apis: [[fleetApiRef, api]] },
  );
}

describe('EntityKubernetesHealth', () => {
  it('fetches the entity by ref and shows its clusters', async () => {
    await renderTab(
      new FakeFleetApi({
        details: {
          'component:default/lab-results': aServiceDetail({
            name: 'lab-results',
          }),
        },
      }),
    );
    expect(
      await screen.findByRole('heading', { name: 'prod-east' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Pods' })).toHaveTextContent(
      'node-a1',
    );
  });

  it('explains which label fleet expects when it does not know the service (404)', async () => {
    await renderTab(new FakeFleetApi());
    expect(
      await screen.findByText('No workloads found for this service yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('backstage.io/kubernetes-id=lab-results'),
    ).toBeInTheDocument();
  });

  it('shows an error with a retry button', async () => {
    await renderTab(
      new FakeFleetApi({
        details: { 'component:default/lab-results': new Error('Bad gateway') },
      }),
    );
    expect((await screen.findAllByText(/Bad gateway/))[0]).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
