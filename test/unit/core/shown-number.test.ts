import { describe, expect, it } from 'vitest';
import { readShown } from '../../../src/core/shown-number.ts';

describe('readShown', () => {
  it('reads the numbers the screen writes', () => {
    expect(readShown('−0.0863')).toBe(-0.0863);
    expect(readShown('589e−6')).toBe(589e-6);
    expect(readShown('1.2346·10⁻⁵')).toBe(1.2346e-5);
    expect(readShown('−2.5·10¹²')).toBe(-2.5e12);
    expect(readShown('57.2×10⁻⁶')).toBe(57.2e-6);
    expect(readShown('(−0.5)')).toBe(-0.5);
    expect(readShown('0.6931')).toBe(0.6931);
  });

  it('is NaN for what is not a number', () => {
    expect(readShown('')).toBeNaN();
    expect(readShown('?')).toBeNaN();
    expect(readShown('W²')).toBeNaN();
  });
});
