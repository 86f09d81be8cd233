import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { complianceApiRef } from '../../api/ComplianceApi';
import { FakeComplianceApi } from '../../__fixtures__/FakeComplianceApi';
import {
  aFailingResult,
  aService,
  anEntityResult,
} from '../../__fixtures__/builders';
import { EntityComplianceCard } from './EntityComplianceCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'lab-results', namespace: 'default' },
};

describe('EntityComplianceCard', () => {
  it('fetches the entity by ref and links to its Compliance tab', async () => {
    const api = new FakeComplianceApi({
      entityResults: {
        'component:default/lab-results': anEntityResult(
          aService({ results: [aFailingResult()] }),
        ),
      },
    });
    await renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityComplianceCard />
      </EntityProvider>,
      {
        apis: [[complianceApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByText('0%')).toBeInTheDocument();
    expect(
      screen.getByText('CP-INT-03 Images are pinned (high)'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View compliance/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/lab-results/compliance',
    );
  });
});
