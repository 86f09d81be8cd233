import { shortRef } from './shortRef';

describe('shortRef', () => {
  it.each([
    ['group:default/laboratory', 'laboratory'],
    ['system:clinical/orders', 'clinical/orders'],
    ['CP-INT-03', 'CP-INT-03'],
    ['phi', 'phi'],
  ])('%s → %s', (ref, short) => {
    expect(shortRef(ref)).toBe(short);
  });
});
