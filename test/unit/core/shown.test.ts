import { describe, expect, it } from 'vitest';
import { shown } from '../../../src/core/errors.ts';
import { parseDecimal, parseWhole } from '../../../src/core/strict-number.ts';

describe('shown: a value as a message gives it', () => {
  it('writes numbers, booleans and short strings as they are', () => {
    expect([shown(2.5), shown(NaN), shown(true), shown(null), shown(undefined), shown('3')]).toEqual(['2.5', 'NaN', 'true', 'null', 'undefined', '"3"']);
  });

  it('cuts a long string to 40 characters and says how long it was', () => {
    expect(shown('x'.repeat(100_000_000))).toBe(`"${'x'.repeat(40)}"… (100,000,000 characters)`);
  });

  it('names arrays and objects by their size, never by their contents', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(shown(deep)).toBe('an array of 1 entry');
    expect(shown([1, 2, 3])).toBe('an array of 3 entries');
    expect(shown([])).toBe('an empty array');
    expect(shown({ toString: () => { throw new Error('no'); } })).toBe('an object');
    expect(shown(() => 1)).toBe('a function');
  });
});

describe('strict numbers', () => {
  it('reads decimal notation only', () => {
    expect(['2.5', '-3', '+.5', '1e-4', '10.'].map(parseDecimal)).toEqual([2.5, -3, 0.5, 1e-4, 10]);
    expect(['0x10', '1_000', 'Infinity', '', ' 5', '5 ', '1e400', 'NaN', '--1', '1e'].map(parseDecimal)).toEqual(Array(10).fill(null));
  });

  it('refuses a fraction where a whole number is wanted, rather than rounding it', () => {
    expect(parseWhole('2.5')).toEqual({ problem: 'not-whole' });
    expect(parseWhole('0x10')).toEqual({ problem: 'not-a-number' });
    expect(parseWhole('16')).toEqual({ value: 16 });
    expect(parseWhole('1e3')).toEqual({ value: 1000 });
  });
});
