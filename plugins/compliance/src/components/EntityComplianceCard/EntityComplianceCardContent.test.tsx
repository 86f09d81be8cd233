import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import {
  aControlResult,
  aFailingResult,
  aService,
  anEntityResult,
} from '../../__fixtures__/builders';
import { EntityComplianceCardContent } from './EntityComplianceCardContent';

describe('EntityComplianceCardContent', () => {
  it('shows the score, counts and the most severe failing controls first', async () => {
    const results = anEntityResult(
      aService({
        results: [
          aControlResult({ controlId: 'CP-AUD-01' }),
          aFailingResult({
            controlId: 'CP-CAT-03',
            title: 'Lifecycle declared',
            severity: 'low',
          }),
          aFailingResult({
            controlId: 'CP-TX-01',
            title: 'Ingress TLS',
            severity: 'critical',
          }),
        ],
      }),
    );
    await renderInTestApp(
      <EntityComplianceCardContent
        results={results}
        tabHref="/catalog/default/component/lab-results/compliance"
      />,
    );
    expect(screen.getByText('33%')).toBeInTheDocument();
    expect(screen.getByText('✗ 2 fail')).toBeInTheDocument();
    const items = screen.getAllByRole('listitem').map(li => li.textContent);
    expect(items).toEqual([
      'CP-TX-01 Ingress TLS (critical)',
      'CP-CAT-03 Lifecycle declared (low)',
    ]);
    expect(
      screen.getByRole('link', { name: /View compliance/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/lab-results/compliance',
    );
  });

  it('says when the service was not evaluated yet', async () => {
    await renderInTestApp(<EntityComplianceCardContent tabHref="/x" />);
    expect(screen.getByText(/Not evaluated yet/)).toBeInTheDocument();
  });
});
