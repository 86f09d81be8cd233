import { resultsQuerySchema } from './ResultsQuery';

describe('resultsQuerySchema', () => {
  it('normalises single and repeated query parameters to lists', () => {
    expect(
      resultsQuerySchema.parse({
        owner: 'group:default/clinical-records',
        control: ['CP-INT-03', 'CP-TX-01'],
        status: 'fail',
        dataClassification: ['phi'],
        limit: '50',
      }),
    ).toEqual({
      owner: ['group:default/clinical-records'],
      control: ['CP-INT-03', 'CP-TX-01'],
      status: ['fail'],
      dataClassification: ['phi'],
      limit: 50,
    });
  });

  it('refuses unknown statuses', () => {
    expect(resultsQuerySchema.safeParse({ status: 'broken' }).success).toBe(
      false,
    );
  });
});
