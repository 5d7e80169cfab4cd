import { afterEach, describe, expect, it } from 'vitest';
import {
  affineInto,
  columnListsInto,
  createSparseLists,
  rowListsInto,
  sparseTimesDenseInto,
  transposedProductInto,
  useWasmKernels,
  WASM_MIN_PRODUCTS,
  type SparseLists,
} from '../../../src/core/sparse.ts';
import { WasmSparseKernels } from '../../../src/core/wasm/kernel.ts';
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

/** The entries of the first `count` lists, as plain arrays. */
function listed(lists: SparseLists): { ptr: number[]; index: number[]; value: ReturnType<typeof bits> } {
  const nnz = lists.ptr[lists.count]!;
  return {
    ptr: Array.from(lists.ptr.subarray(0, lists.count + 1)),
    index: Array.from(lists.index.subarray(0, nnz)),
    value: bits(lists.value.subarray(0, nnz)),
  };
}

/** A sparse input with the awkward values: NaN and −0 (a nonzero and a zero for the lists). */
function awkwardInput(rows: number, cols: number, seed: number): Matrix {
  const a = randomSparse(rows, cols, 0.25, seed);
  a.data[3] = Number.NaN;
  a.data[5] = -0;
  return a;
}

describe('the WebAssembly kernels', () => {
  const kernels = WasmSparseKernels.load();

  it('load in Node (WebAssembly SIMD is there)', () => {
    expect(kernels).not.toBeNull();
  });

  // Column counts cover the 16-wide groups, the 2-wide groups and the odd last column.
  it.each([1, 2, 3, 15, 16, 17, 18, 33, 50])('give a·W + b, its row lists and s·aᵀ·D bit for bit as TypeScript (%i columns)', (n) => {
    const m = 9;
    const cols = 37;
    const a = awkwardInput(m, cols, n);
    const W = randomSparse(cols, n, 1, 100 + n);
    const D = randomSparse(m, n, 1, 200 + n);
    const b = randomSparse(1, n, 1, 300 + n).data;
    const tsRows = createSparseLists(m, m * cols);
    const tsZ = zeros(m, n);
    rowListsInto(a, tsRows);
    sparseTimesDenseInto(tsRows, W, b, tsZ);
    const wasmRows = createSparseLists(m, m * cols);
    const wasmZ = zeros(m, n);
    expect(kernels!.rowLists(a, wasmRows)).toBe(true);
    expect(kernels!.multiply(wasmRows, W, b, wasmZ, 1)).toBe(true);
    expect(listed(wasmRows)).toEqual(listed(tsRows));
    expect(bits(wasmZ.data)).toEqual(bits(tsZ.data));

    const tsCols = createSparseLists(cols, 0);
    const tsDW = zeros(cols, n);
    columnListsInto(tsRows, cols, tsCols);
    sparseTimesDenseInto(tsCols, D, null, tsDW, 1 / m);
    const wasmDW = zeros(cols, n);
    expect(kernels!.transposedProduct(wasmRows, D, 1 / m, wasmDW)).toBe(true);
    expect(bits(wasmDW.data)).toEqual(bits(tsDW.data));
  });

  it('list an all-zero input, multiply with no bias, and grow their memory when needed', () => {
    const zeroInput = zeros(4, 6);
    const W = randomSparse(6, 5, 1, 1);
    const z = zeros(4, 5);
    z.data.fill(9);
    const zeroRows = createSparseLists(4, 24);
    expect(kernels!.rowLists(zeroInput, zeroRows)).toBe(true);
    expect(Array.from(zeroRows.ptr)).toEqual([0, 0, 0, 0, 0]);
    expect(kernels!.multiply(zeroRows, W, null, z, 1)).toBe(true);
    expect(Array.from(z.data)).toEqual(new Array(20).fill(0));

    const big = randomSparse(300, 400, 0.2, 2); // 1 MB of input alone: past the first 64 KiB page
    const Wbig = randomSparse(400, 20, 1, 3);
    const expected = naiveProduct(big, Wbig, null, 1, false);
    const out = zeros(300, 20);
    const bigRows = createSparseLists(300, 300 * 400);
    expect(kernels!.rowLists(big, bigRows)).toBe(true);
    expect(kernels!.multiply(bigRows, Wbig, null, out, 1)).toBe(true);
    expect(bits(out.data)).toEqual(bits(expected));
  });
});

describe('affineInto and transposedProductInto', () => {
  afterEach(() => useWasmKernels(true));

  it.each([true, false])('equal the plain loop bit for bit above and below the WebAssembly threshold (WebAssembly on: %s)', (on) => {
    useWasmKernels(on);
    for (const [m, cols, n] of [
      [3, 4, 5], // 60 products: TypeScript either way
      [70, 60, 1], // 4 200 ≥ WASM_MIN_PRODUCTS
      [20, 30, 17],
    ] as const) {
      const a = awkwardInput(m, cols, m + n);
      const W = randomSparse(cols, n, 1, 7);
      const D = randomSparse(m, n, 1, 8);
      const b = randomSparse(1, n, 1, 9).data;
      const rows = createSparseLists(m, 0);
      const z = zeros(m, n);
      affineInto(a, W, b, rows, z);
      expect(bits(z.data)).toEqual(bits(naiveProduct(a, W, b, 1, false)));
      const dW = zeros(cols, n);
      transposedProductInto(rows, D, 0.5, createSparseLists(cols, 0), dW);
      expect(bits(dW.data)).toEqual(bits(naiveProduct(a, D, null, 0.5, true)));
    }
    expect(70 * 60 * 1).toBeGreaterThanOrEqual(WASM_MIN_PRODUCTS);
  });
});
