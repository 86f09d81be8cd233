import { canonicalJson } from './canonicalJson';

describe('canonicalJson', () => {
  it('sorts keys by code unit at every depth and drops undefined members', () => {
    expect(
      canonicalJson({
        b: 1,
        a: [{ z: true, y: null, x: undefined }, undefined],
        B: 'é',
      }),
    ).toBe('{"B":"é","a":[{"y":null,"z":true},null],"b":1}');
  });

  it('writes objects that are already ordered as they are', () => {
    const value = { a: { b: [1, 'two'], c: 'x' }, d: false };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  it('orders array-index-like keys as text, not as numbers', () => {
    expect(canonicalJson({ 9: 'nine', 10: 'ten', a: 'a' })).toBe(
      '{"10":"ten","9":"nine","a":"a"}',
    );
  });

  it('names the field holding a value it cannot serialise', () => {
    expect(() => canonicalJson({ a: { b: Infinity } }, 'record')).toThrow(
      'record.a.b: cannot serialise non-finite number Infinity',
    );
    expect(() => canonicalJson({ f: () => 1 }, 'record')).toThrow(
      'record.f: cannot serialise function',
    );
  });
});
