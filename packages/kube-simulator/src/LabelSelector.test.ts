import { LabelSelector } from './LabelSelector';
import { StatusError } from './Status';

const labels = { app: 'web', tier: 'frontend', env: 'prod' };

describe('LabelSelector', () => {
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['env in (prod,staging)', true],
    ['env in (staging)', false],
    ['env notin (staging, dev)', true],
    ['env notin (prod)', false],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    ['app=web,env in (prod),!missing', true],
    ['app=web,tier=backend', false],
    ['', true],
  ])('%s matches: %s', (selector, expected) => {
    expect(LabelSelector.parse(selector).matches(labels)).toBe(expected);
  });

  it('builds from matchLabels and matchExpressions', () => {
    const selector = LabelSelector.fromSpec({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod'] },
        { key: 'gone', operator: 'DoesNotExist' },
      ],
    });
    expect(selector.matches(labels)).toBe(true);
    expect(selector.matches({ app: 'web', env: 'dev' })).toBe(false);
  });

  it('rejects malformed selectors with a 400 Status', () => {
    expect(() => LabelSelector.parse('app=web,=x')).toThrow(StatusError);
    expect(() => LabelSelector.parse('bad key!=x y')).toThrow(
      expect.objectContaining({ code: 400, reason: 'BadRequest' }),
    );
  });
});
