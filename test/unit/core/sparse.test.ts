import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  affineInto,
  columnListsInto,
  createSparseLists,
  rowListsInto,
  sparseTimesDenseInto,
  transposedProductInto,
} from '../../../src/core/sparse.ts';
import { fromRows, zeros } from '../../../src/core/tensor.ts';
import { useWasmKernels, WASM_MIN_WORK, WasmSparseKernels } from '../../../src/core/wasm/kernel.ts';
import { bits } from './helpers.ts';
import { awkwardInput, naiveProduct, randomSparse } from './sparse-helpers.ts';

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

describe('affineInto and transposedProductInto', () => {
  afterEach(() => useWasmKernels(true));

  it.each([true, false])('equal the plain loop bit for bit above and below the WebAssembly threshold (WebAssembly on: %s)', (on) => {
    useWasmKernels(on);
    const multiply = vi.spyOn(WasmSparseKernels.prototype, 'multiply');
    const transposed = vi.spyOn(WasmSparseKernels.prototype, 'transposedProduct');
    const rowLists = vi.spyOn(WasmSparseKernels.prototype, 'rowLists');
    try {
      // [m, cols, n, which kernels run]: the products go to WebAssembly when nonzeros × n
      // reach WASM_MIN_WORK, the row lists when m × cols do.
      for (const [m, cols, n, products, lists] of [
        [3, 4, 5, false, false], // 60 products: TypeScript either way
        [70, 60, 1, false, true], // 4 200 entries to list, but only about 1 000 products
        [20, 30, 17, false, false],
        [40, 60, 17, true, false], // about 600 nonzeros × 17 columns = 10 000 products
      ] as const) {
        multiply.mockClear();
        transposed.mockClear();
        rowLists.mockClear();
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
        expect(multiply.mock.calls.length).toBe(on && products ? 1 : 0);
        expect(transposed.mock.calls.length).toBe(on && products ? 1 : 0);
        expect(rowLists.mock.calls.length).toBe(on && lists ? 1 : 0);
      }
    } finally {
      vi.restoreAllMocks();
    }
    expect(WasmSparseKernels.load()).not.toBeNull();
    expect(70 * 60).toBeGreaterThanOrEqual(WASM_MIN_WORK);
  });
});
