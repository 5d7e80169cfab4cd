import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped } from '../../../src/core/grouped.ts';

describe('grouped', () => {
  it("writes a whole number's thousands with commas, as toLocaleString('en') does", () => {
    expect(grouped(0)).toBe('0');
    expect(grouped(999)).toBe('999');
    expect(grouped(1000)).toBe('1,000');
    expect(grouped(20_000_000)).toBe('20,000,000');
    expect(grouped(-1234567)).toBe('-1,234,567');
    fc.assert(fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => grouped(n) === n.toLocaleString('en').replace('−', '-')));
  });

  it('leaves other numbers as String does', () => {
    expect(grouped(2.5)).toBe('2.5');
    expect(grouped(Number.NaN)).toBe('NaN');
    expect(grouped(1e300)).toBe('1e+300');
  });
});
