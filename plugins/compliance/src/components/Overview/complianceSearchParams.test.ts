import {
  complianceViewParams,
  parseComplianceView,
  resultsQueryOf,
} from './complianceSearchParams';

describe('complianceSearchParams', () => {
  it('round-trips every filter and the grouping through the query string', () => {
    const search =
      'owner=group%3Adefault%2Flaboratory&system=system%3Adefault%2Fdiagnostics&control=CP-INT-03&status=fail&status=exempt&dataClassification=phi&by=team';
    const view = parseComplianceView(new URLSearchParams(search));
    expect(view).toEqual({
      owner: ['group:default/laboratory'],
      system: ['system:default/diagnostics'],
      control: ['CP-INT-03'],
      status: ['fail', 'exempt'],
      dataClassification: ['phi'],
      by: 'team',
    });
    expect(complianceViewParams(view).toString()).toBe(search);
  });

  it('drops values it does not understand', () => {
    const view = parseComplianceView(
      new URLSearchParams('status=broken&dataClassification=secret&by=x'),
    );
    expect(view.status).toEqual([]);
    expect(view.dataClassification).toEqual([]);
    expect(view.by).toBe('service');
  });

  it('asks the backend only for the filters that are set', () => {
    const view = parseComplianceView(new URLSearchParams('control=CP-TX-01'));
    expect(resultsQueryOf(view)).toEqual({ limit: 500, control: ['CP-TX-01'] });
  });
});
