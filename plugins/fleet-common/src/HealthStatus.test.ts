import {
  compareHealth,
  healthStatuses,
  isHealthStatus,
  worstOf,
} from './HealthStatus';

describe('HealthStatus', () => {
  it('orders statuses from best to worst, Degraded worst', () => {
    expect([...healthStatuses]).toEqual([
      'Healthy',
      'Suspended',
      'Progressing',
      'Missing',
      'Unknown',
      'Degraded',
    ]);
    expect(
      ['Degraded', 'Healthy', 'Unknown', 'Progressing'].sort((a, b) =>
        compareHealth(a as 'Healthy', b as 'Healthy'),
      ),
    ).toEqual(['Healthy', 'Progressing', 'Unknown', 'Degraded']);
  });

  it.each([
    [[], 'Healthy'],
    [['Healthy', 'Suspended'], 'Suspended'],
    [['Suspended', 'Progressing', 'Healthy'], 'Progressing'],
    [['Missing', 'Progressing'], 'Missing'],
    [['Unknown', 'Missing'], 'Unknown'],
    [['Unknown', 'Degraded', 'Healthy'], 'Degraded'],
  ] as const)('worstOf(%j) is %s', (statuses, expected) => {
    expect(worstOf(statuses)).toBe(expected);
  });

  it('recognises status strings', () => {
    expect(isHealthStatus('Degraded')).toBe(true);
    expect(isHealthStatus('degraded')).toBe(false);
    expect(isHealthStatus(3)).toBe(false);
  });
});
