/** Random sparse matrices, the plain product the sparse kernels must equal, and list contents. */
import { createRng, gaussian, uniform } from '../../../src/core/rng.ts';
import type { SparseLists } from '../../../src/core/sparse.ts';
import { zeros, type Matrix } from '../../../src/core/tensor.ts';
import { bits } from './helpers.ts';

export function randomSparse(rows: number, cols: number, density: number, seed: number): Matrix {
  const rng = createRng(seed);
  const m = zeros(rows, cols);
  for (let s = 0; s < m.data.length; s++) m.data[s] = uniform(rng) < density ? gaussian(rng) : 0;
  return m;
}

/** The textbook triple loop, summing in the same order: the reference. */
export function naiveProduct(a: Matrix, b: Matrix, init: Float64Array | null, scale: number, transposeA: boolean): Float64Array {
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

/** The entries of the first `count` lists, as plain arrays. */
export function listed(lists: SparseLists): { ptr: number[]; index: number[]; value: ReturnType<typeof bits> } {
  const nnz = lists.ptr[lists.count]!;
  return {
    ptr: Array.from(lists.ptr.subarray(0, lists.count + 1)),
    index: Array.from(lists.index.subarray(0, nnz)),
    value: bits(lists.value.subarray(0, nnz)),
  };
}

/** A sparse input with the awkward values: NaN and −0 (a nonzero and a zero for the lists). */
export function awkwardInput(rows: number, cols: number, seed: number): Matrix {
  const a = randomSparse(rows, cols, 0.25, seed);
  a.data[3] = Number.NaN;
  a.data[5] = -0;
  return a;
}

