/** The WebAssembly kernels against the TypeScript loops they stand in for. */
import { afterEach, describe, expect, it } from 'vitest';
import { sgdStepInPlace } from '../../../src/core/optimizers.ts';
import { columnListsInto, createSparseLists, rowListsInto, sparseTimesDenseInto } from '../../../src/core/sparse.ts';
import { maxAbs, zeros } from '../../../src/core/tensor.ts';
import { useWasmKernels, WasmSparseKernels } from '../../../src/core/wasm/kernel.ts';
import { bits } from './helpers.ts';
import { awkwardInput, listed, naiveProduct, randomSparse } from './sparse-helpers.ts';

describe('the WebAssembly kernels', () => {
  const kernels = WasmSparseKernels.load();

  it('load in Node (WebAssembly SIMD is there)', () => {
    expect(kernels).not.toBeNull();
  });

  // Column counts cover every group: 16 and 18 wide, 8, 2 and the odd last column.
  it.each([1, 2, 3, 8, 10, 15, 16, 17, 18, 24, 26, 30, 33, 34, 50])('give a·W + b, its row lists and s·aᵀ·D bit for bit as TypeScript (%i columns)', (n) => {
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

describe('the WebAssembly max |x| and SGD step', () => {
  const kernels = WasmSparseKernels.load()!;
  afterEach(() => useWasmKernels(true));

  it.each([0, 1, 2, 7, 5000])('give what the TypeScript loops give, bit for bit (%i entries)', (n) => {
    const theta = randomSparse(1, n, 1, n).data;
    const g = randomSparse(1, n, 0.7, n + 1).data;
    useWasmKernels(false);
    const tsMax = maxAbs(theta);
    const tsTheta = new Float64Array(theta);
    const tsUpdate = new Float64Array(n);
    const tsAfter = sgdStepInPlace(0.3, tsTheta, g, tsUpdate);
    expect(kernels.maxAbs(theta)).toBe(tsMax);
    const wasmTheta = new Float64Array(theta);
    const wasmUpdate = new Float64Array(n);
    expect(kernels.sgdStep(0.3, wasmTheta, g, wasmUpdate)).toBe(tsAfter);
    expect(bits(wasmTheta)).toEqual(bits(tsTheta));
    expect(bits(wasmUpdate)).toEqual(bits(tsUpdate));
  });

  it('an SGD step returns max |θ| afterwards as maxAbs gives it (NaN once a θ is NaN or infinite, in either lane or the odd last entry), measured as θ is stored', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity, -1e308]) {
      for (const at of [0, 1, 4]) {
        const theta = Float64Array.of(1, -2, 3, 0, 5);
        const g = Float64Array.of(0.5, -0.25, 1, 2, -3);
        g[at] = bad; // −η·(−1e308) overflows to +∞ at η = 3
        const ts = new Float64Array(theta);
        sgdStepInPlace(3, ts, g, new Float64Array(5)); // TypeScript (5 entries): its contract is finite θ, so only θ is compared
        const here = new Float64Array(theta);
        expect(kernels.sgdStep(3, here, g, new Float64Array(5))).toBeNaN();
        expect(maxAbs(ts)).toBeNaN();
        expect(bits(here)).toEqual(bits(ts));
      }
    }
    const theta = Float64Array.of(1, -2, 3, 0, -7);
    expect(kernels.sgdStep(1, theta, Float64Array.of(0, 0, 0, 0, 1), new Float64Array(5))).toBe(8);
    expect(kernels.sgdStep(1, theta, Float64Array.of(-6, 0, 0, 0, 0), new Float64Array(5))).toBe(8);
    expect(kernels.sgdStep(1, theta, Float64Array.of(0, 0, 0, 0, -8), new Float64Array(5))).toBe(7);
  });

  it('max |x| is NaN when an entry is NaN or infinite, in either lane or the odd last entry', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      for (const at of [0, 1, 4]) {
        const x = Float64Array.of(1, -2, 3, 0, 5);
        x[at] = bad;
        expect(kernels.maxAbs(x)).toBeNaN();
      }
    }
    expect(kernels.maxAbs(Float64Array.of(-0, 0))).toBe(0);
  });
});

