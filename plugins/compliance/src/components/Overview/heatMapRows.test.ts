import {
  aControlResult,
  aFailingResult,
  aService,
} from '../../__fixtures__/builders';
import { heatMapRows } from './heatMapRows';

const passing = aService({
  entityRef: 'component:default/appointments',
  results: [aControlResult({ controlId: 'CP-INT-03' })],
});
const failing = aService({
  entityRef: 'component:default/lab-results',
  results: [
    aFailingResult({ controlId: 'CP-INT-03' }),
    aControlResult({ controlId: 'CP-AUD-01', status: 'not-applicable' }),
  ],
});
const unowned = aService({
  entityRef: 'component:default/legacy-fax',
  owner: undefined,
  results: [aControlResult({ controlId: 'CP-CAT-01', status: 'exempt' })],
});

describe('heatMapRows', () => {
  it('puts the worst services first, with what was observed in each cell', () => {
    const map = heatMapRows([passing, failing], 'service');
    expect(map.controls).toEqual(['CP-AUD-01', 'CP-INT-03']);
    expect(map.rows.map(r => r.ref)).toEqual([
      'component:default/lab-results',
      'component:default/appointments',
    ]);
    expect(map.rows[0].cells['CP-INT-03']).toEqual({
      status: 'fail',
      detail:
        'workload: Deployment/lab-results; image: ghcr.io/carepath/lab-results:latest',
    });
  });

  it("gives a team its worst service's status and how many fail", () => {
    const map = heatMapRows([passing, failing, unowned], 'team');
    expect(map.rows.map(r => r.ref)).toEqual([
      'group:default/laboratory',
      'no owner',
    ]);
    expect(map.rows[0].cells['CP-INT-03']).toEqual({
      status: 'fail',
      detail: '1 of 2 services failing',
    });
    expect(map.rows[1].cells['CP-CAT-01'].status).toBe('exempt');
  });
});
