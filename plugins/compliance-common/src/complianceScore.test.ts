import { complianceScore } from './complianceScore';

describe('complianceScore', () => {
  it('is passed / (passed + failed), ignoring exempt and not-applicable', () => {
    const statuses = [
      'pass',
      'pass',
      'pass',
      'fail',
      'exempt',
      'not-applicable',
    ] as const;
    expect(complianceScore(statuses.map(status => ({ status })))).toBe(0.75);
  });

  it('is null when nothing was judged', () => {
    expect(
      complianceScore([{ status: 'not-applicable' }, { status: 'exempt' }]),
    ).toBeNull();
  });
});
