import { describe, expect, it } from 'vitest';
import { columnListsInto, createSparseLists, rowListsInto, sparseTimesDenseInto } from '../../../src/core/sparse.ts';
import { createRng, gaussian, uniform } from '../../../src/core/rng.ts';
import { fromRows, zeros, type Matrix } from '../../../src/core/tensor.ts';
import { bits } from './helpers.ts';

function randomSparse(rows: number, cols: number, density: number, seed: number): Matrix {
  const rng = createRng(seed);
  const m = zeros(rows, cols);
  for (let s = 0; s < m.data.length; s++) m.data[s] = uniform(rng) < density ? gaussian(rng) : 0;
  return m;
}

/** The textbook triple loop, summing in the same order: the reference. */
function naiveProduct(a: Matrix, b: Matrix, init: Float64Array | null, scale: number, transposeA: boolean): Float64Array {
  const rows = transposeA ? a.cols : a.rows;
  const inner = transposeA ? a.rows : a.cols;
  const out = new Float64Array(rows * b.cols);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < b.cols; j++) {
      let s = init === null ? 0 : init[j]!;
      for (let k = 0; k < inner; k++) {
        const v = transposeA ? a.data[k * a.cols + r]! : a.data[r * a.cols + k]!;
        if (v !== 0) s += v * b.data[k * b.cols + j]!;
      }
      out[r * b.cols + j] = s * scale;
    }
  }
  return out;
}

describe('sparse lists', () => {
  it('lists the nonzeros by row and by column', () => {
    const a = fromRows([
      [0, 2, 0],
      [3, 0, 4],
    ]);
    const rows = createSparseLists(2, 0);
    rowListsInto(a, rows);
    expect(Array.from(rows.ptr)).toEqual([0, 1, 3]);
    expect(Array.from(rows.index.subarray(0, 3))).toEqual([1, 0, 2]);
    expect(Array.from(rows.value.subarray(0, 3))).toEqual([2, 3, 4]);
    const cols = createSparseLists(3, 0);
    columnListsInto(rows, 3, cols);
    expect(Array.from(cols.ptr)).toEqual([0, 1, 2, 3]);
    expect(Array.from(cols.index.subarray(0, 3))).toEqual([1, 0, 1]);
    expect(Array.from(cols.value.subarray(0, 3))).toEqual([3, 2, 4]);
  });

  it('handles an all-zero matrix', () => {
    const rows = createSparseLists(3, 12);
    rowListsInto(zeros(3, 4), rows);
    expect(Array.from(rows.ptr)).toEqual([0, 0, 0, 0]);
    const out = zeros(3, 5);
    out.data.fill(9);
    sparseTimesDenseInto(rows, randomSparse(4, 5, 1, 1), Float64Array.of(1, 2, 3, 4, 5), out);
    expect(Array.from(out.data.subarray(0, 5))).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([1, 2, 3, 7, 8, 9, 10, 17, 50])('a·W + b and s·aᵀ·D equal the plain loop bit for bit (%i columns)', (n) => {
    const a = randomSparse(6, 11, 0.3, n);
    const W = randomSparse(11, n, 1, 100 + n);
    const D = randomSparse(6, n, 1, 200 + n);
    const b = randomSparse(1, n, 1, 300 + n).data;
    const rows = createSparseLists(6, 0);
    const cols = createSparseLists(11, 0);
    rowListsInto(a, rows);
    columnListsInto(rows, 11, cols);
    const z = zeros(6, n);
    sparseTimesDenseInto(rows, W, b, z);
    expect(bits(z.data)).toEqual(bits(naiveProduct(a, W, b, 1, false)));
    const dW = zeros(11, n);
    sparseTimesDenseInto(cols, D, null, dW, 1 / 6);
    expect(bits(dW.data)).toEqual(bits(naiveProduct(a, D, null, 1 / 6, true)));
  });

  it('grows its buffers when a denser matrix comes along', () => {
    const lists = createSparseLists(4, 1);
    rowListsInto(randomSparse(4, 4, 1, 5), lists);
    expect(lists.ptr[4]).toBe(16);
    expect(lists.index.length).toBeGreaterThanOrEqual(16);
  });
});
