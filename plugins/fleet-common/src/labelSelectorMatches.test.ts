import { labelSelectorMatches } from './labelSelectorMatches';

const labels = {
  'app.kubernetes.io/name': 'patient-portal-api',
  'backstage.io/kubernetes-id': 'patient-portal-api',
  env: 'prod',
  tier: 'web',
  shard: '3',
};

describe('labelSelectorMatches', () => {
  it.each([
    ['', true],
    ['backstage.io/kubernetes-id=patient-portal-api', true],
    ['backstage.io/kubernetes-id==patient-portal-api', true],
    ['backstage.io/kubernetes-id=claims-export', false],
    ['env=prod,tier=web', true],
    ['env=prod, tier=batch', false],
    ['tier!=batch', true],
    ['tier!=web', false],
    ['missing!=x', true],
    ['env in (prod, staging)', true],
    ['env in (dev,staging)', false],
    ['env notin (dev, staging)', true],
    ['env notin (prod)', false],
    ['missing notin (prod)', true],
    ['missing in (prod)', false],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    ['! tier', false],
    ['shard>2', true],
    ['shard<3', false],
    ['tier>1', false],
    [
      'app.kubernetes.io/name=patient-portal-api,env in (prod,staging),!canary',
      true,
    ],
    ['  env = prod  ', true],
    ['tier=', false],
  ])('%j → %s', (selector, expected) => {
    expect(labelSelectorMatches(selector, labels)).toBe(expected);
  });

  it('matches an empty value against an empty label', () => {
    expect(labelSelectorMatches('flag=', { flag: '' })).toBe(true);
  });

  it('treats missing labels as no labels', () => {
    expect(labelSelectorMatches('!app', undefined)).toBe(true);
    expect(labelSelectorMatches('app', undefined)).toBe(false);
  });

  it.each(['env in prod', 'a=b=c', 'shard>x', '=prod'])(
    'rejects the malformed selector %j',
    selector => {
      expect(() => labelSelectorMatches(selector, labels)).toThrow(
        /Invalid label selector/,
      );
    },
  );
});
