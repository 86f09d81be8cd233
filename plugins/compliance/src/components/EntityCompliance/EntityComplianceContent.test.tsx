import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import {
  aControlResult,
  aFailingResult,
  aService,
  anEntityResult,
} from '../../__fixtures__/builders';
import { EntityComplianceContent } from './EntityComplianceContent';

describe('EntityComplianceContent', () => {
  it('offers no exemption request without compliance.exemption.request', async () => {
    await renderInTestApp(
      <EntityComplianceContent
        results={anEntityResult(aService({ results: [aFailingResult()] }))}
        controls={{}}
        pending={[]}
        canRequest={false}
        onRequest={() => {}}
      />,
    );
    expect(screen.getByText('✗ Fail')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request exemption' }),
    ).not.toBeInTheDocument();
  });

  it('shows why a control could not be judged', async () => {
    await renderInTestApp(
      <EntityComplianceContent
        results={anEntityResult(
          aService({
            results: [
              aControlResult({
                status: 'not-applicable',
                observed: { reason: 'no workloads observed in any cluster' },
              }),
            ],
          }),
        )}
        controls={{}}
        pending={[]}
        canRequest
        onRequest={() => {}}
      />,
    );
    expect(screen.getByText('– N/A')).toBeInTheDocument();
    expect(
      screen.getByText('no workloads observed in any cluster'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/0 pass · 0 fail · 0 exempt · 1 not applicable/),
    ).toBeInTheDocument();
  });
});
