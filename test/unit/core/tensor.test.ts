import { describe, expect, it } from 'vitest';
import {
  allFinite,
  argmaxRow,
  columnSumsInto,
  fromRows,
  maxAbs,
  timesTransposeInto,
  toRows,
  transposeInto,
  zeros,
} from '../../../src/core/tensor.ts';

describe('tensor kernels', () => {
  const A = fromRows([
    [1, 0, 2],
    [0, -1, 3],
  ]); // 2 × 3
  const W = fromRows([
    [1, 2],
    [3, 4],
    [5, 6],
  ]); // 3 × 2

  it('round-trips rows and refuses ragged rows', () => {
    expect(toRows(A)).toEqual([
      [1, 0, 2],
      [0, -1, 3],
    ]);
    expect(() => fromRows([[1, 2], [3]])).toThrow(/row 1/);
  });

  it('computes C = D·Wᵀ', () => {
    const D = fromRows([[1, -1]]);
    const C = zeros(1, 3);
    timesTransposeInto(D, W, C);
    expect(toRows(C)).toEqual([[-1, -1, -1]]);
  });

  it('computes scaled column sums', () => {
    const out = new Float64Array(3);
    columnSumsInto(A, 2, out);
    expect(Array.from(out)).toEqual([2, -2, 10]);
  });

  it('finds the first argmax of a row and detects non-finite entries', () => {
    expect(argmaxRow(fromRows([[1, 5, 5, 2]]), 0)).toBe(1);
    expect(allFinite(Float64Array.of(1, 2))).toBe(true);
    expect(allFinite(Float64Array.of(1, NaN))).toBe(false);
    expect(allFinite(Float64Array.of(-Infinity))).toBe(false);
  });

  it('transposes', () => {
    const T = zeros(3, 2);
    transposeInto(A, T);
    expect(toRows(T)).toEqual([
      [1, 0],
      [0, -1],
      [2, 3],
    ]);
  });

  it('gives max |x|, or NaN when an entry is not finite (odd and even lengths)', () => {
    expect(maxAbs(new Float64Array(0))).toBe(0);
    expect(maxAbs(Float64Array.of(-3))).toBe(3);
    expect(maxAbs(Float64Array.of(1, -7, 2))).toBe(7);
    expect(maxAbs(Float64Array.of(1, -7, 2, 8))).toBe(8);
    expect(maxAbs(Float64Array.of(1, NaN, 2))).toBeNaN();
    expect(maxAbs(Float64Array.of(1, 2, -Infinity))).toBeNaN();
  });
});
