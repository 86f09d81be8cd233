import { NOW, clusterObjects, shippedControls } from './__fixtures__/build';
import { evaluatePlatform } from './evaluatePlatform';

describe('evaluatePlatform', () => {
  it('runs only platform controls over the unregistered workloads', () => {
    const { workloads } = clusterObjects('prod-west', 'cronjob-compliant.yaml');
    const evaluation = evaluatePlatform(
      { unregisteredWorkloads: workloads, now: NOW },
      shippedControls,
    );
    expect(evaluation.results.map(r => [r.controlId, r.status])).toEqual([
      ['CP-PLT-01', 'fail'],
    ]);
  });
});
