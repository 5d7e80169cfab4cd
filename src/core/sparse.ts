/**
 * Sparse lists of a matrix's nonzero entries, and the one kernel that multiplies them into a
 * dense matrix. Layer inputs are often mostly zero (MNIST pixels about 80 %, ReLU activations
 * about half), and every product backpropagation needs with a layer input a is one of
 *   z = a·W + b      (a row of z: the nonzeros of a row of a, times rows of W)
 *   ∂L/∂W = aᵀ·δ/m   (a row of ∂L/∂W: the nonzeros of a column of a, times rows of δ)
 * so both are "sparse lists times a dense matrix" over the row lists or the column lists of a.
 *
 * The TypeScript loop keeps eight sums in local variables (registers) while it walks a list,
 * instead of adding into memory once per product: on V8 that is about 2.5× faster than the
 * plain loop. Each output is still summed in increasing list order, as the plain loop does.
 * Large products run the same loops compiled to WebAssembly SIMD (wasm/), which give the same
 * numbers bit for bit, several times faster again; affineInto and transposedProductInto choose.
 */
import { BYTE_VALUE } from './byte-matrix.ts';
import type { Matrix } from './tensor.ts';
import { WASM_MIN_WORK, wasmKernels } from './wasm/kernel.ts';
import { arenaOf, HEAP, type Allocator } from './wasm/memory.ts';

/** For each of `count` lists r: entries ptr[r] .. ptr[r+1]−1 of (index, value). */
export interface SparseLists {
  count: number;
  readonly ptr: Int32Array;
  index: Int32Array;
  value: Float64Array;
}

export function createSparseLists(count: number, capacity: number, alloc: Allocator = HEAP): SparseLists {
  return { count, ptr: alloc.i32(count + 1), index: alloc.i32(capacity), value: alloc.f64(capacity) };
}

export function ensureCapacity(s: SparseLists, n: number): void {
  if (s.index.length < n) {
    s.index = new Int32Array(n);
    s.value = new Float64Array(n);
  }
}

/** The nonzeros of each row of a: list i holds (column k, a[i][k]). */
export function rowListsInto(a: Matrix, out: SparseLists): void {
  const { rows, cols, data } = a;
  ensureCapacity(out, rows * cols);
  const { ptr, index, value } = out;
  out.count = rows;
  let p = 0;
  for (let i = 0; i < rows; i++) {
    ptr[i] = p;
    const row = i * cols;
    for (let k = 0; k < cols; k++) {
      const v = data[row + k]!;
      if (v !== 0) {
        index[p] = k;
        value[p] = v;
        p++;
      }
    }
  }
  ptr[rows] = p;
}

/** The nonzeros of each row of m × cols bytes read as byte / 255 (a ByteMatrix's): as rowListsInto on its doubles. */
export function rowListsFromBytesInto(bytes: Uint8Array, m: number, cols: number, out: SparseLists): void {
  ensureCapacity(out, m * cols);
  const { ptr, index, value } = out;
  out.count = m;
  let p = 0;
  for (let i = 0; i < m; i++) {
    ptr[i] = p;
    const row = i * cols;
    for (let k = 0; k < cols; k++) {
      const b = bytes[row + k]!;
      if (b !== 0) {
        index[p] = k;
        value[p] = BYTE_VALUE[b]!;
        p++;
      }
    }
  }
  ptr[m] = p;
}

/** The column lists of the same matrix (list k holds (row i, a[i][k]), rows increasing), by counting sort. */
export function columnListsInto(rowsList: SparseLists, cols: number, out: SparseLists): void {
  const nnz = rowsList.ptr[rowsList.count]!;
  ensureCapacity(out, nnz);
  const { ptr, index, value } = out;
  out.count = cols;
  ptr.fill(0);
  for (let p = 0; p < nnz; p++) ptr[rowsList.index[p]! + 1]++;
  for (let k = 0; k < cols; k++) ptr[k + 1] += ptr[k]!;
  // ptr[k] is now where list k starts; use it as list k's write cursor, walking rows in order
  // so each list comes out with rows increasing. Afterwards ptr[k] is where list k ends.
  for (let i = 0; i < rowsList.count; i++) {
    for (let p = rowsList.ptr[i]!; p < rowsList.ptr[i + 1]!; p++) {
      const q = ptr[rowsList.index[p]!]++;
      index[q] = i;
      value[q] = rowsList.value[p]!;
    }
  }
  for (let k = cols; k > 0; k--) ptr[k] = ptr[k - 1]!;
  ptr[0] = 0;
}

/**
 * out[r][j] = scale · (init[j] + Σ_{p in list r} value[p] · M[index[p]][j])   (init = 0 when null).
 * out has one row per list and M.cols columns. The scale is applied as each sum is stored,
 * which rounds exactly as scaling afterwards would, without another pass over out.
 */
export function sparseTimesDenseInto(lists: SparseLists, M: Matrix, init: Float64Array | null, out: Matrix, scale = 1): void {
  const n = M.cols;
  const Md = M.data;
  const O = out.data;
  const { ptr, index, value } = lists;
  for (let r = 0; r < lists.count; r++) {
    const start = ptr[r]!;
    const end = ptr[r + 1]!;
    const oRow = r * n;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      if (init !== null) {
        s0 = init[j]!; s1 = init[j + 1]!; s2 = init[j + 2]!; s3 = init[j + 3]!;
        s4 = init[j + 4]!; s5 = init[j + 5]!; s6 = init[j + 6]!; s7 = init[j + 7]!;
      }
      for (let p = start; p < end; p++) {
        const v = value[p]!;
        const m = index[p]! * n + j;
        s0 += v * Md[m]!; s1 += v * Md[m + 1]!; s2 += v * Md[m + 2]!; s3 += v * Md[m + 3]!;
        s4 += v * Md[m + 4]!; s5 += v * Md[m + 5]!; s6 += v * Md[m + 6]!; s7 += v * Md[m + 7]!;
      }
      O[oRow + j] = s0 * scale; O[oRow + j + 1] = s1 * scale; O[oRow + j + 2] = s2 * scale; O[oRow + j + 3] = s3 * scale;
      O[oRow + j + 4] = s4 * scale; O[oRow + j + 5] = s5 * scale; O[oRow + j + 6] = s6 * scale; O[oRow + j + 7] = s7 * scale;
    }
    for (; j + 2 <= n; j += 2) {
      let s0 = init === null ? 0 : init[j]!;
      let s1 = init === null ? 0 : init[j + 1]!;
      for (let p = start; p < end; p++) {
        const v = value[p]!;
        const m = index[p]! * n + j;
        s0 += v * Md[m]!;
        s1 += v * Md[m + 1]!;
      }
      O[oRow + j] = s0 * scale;
      O[oRow + j + 1] = s1 * scale;
    }
    if (j < n) {
      let s0 = init === null ? 0 : init[j]!;
      for (let p = start; p < end; p++) s0 += value[p]! * Md[index[p]! * n + j]!;
      O[oRow + j] = s0 * scale;
    }
  }
}

/**
 * The row lists of a, in WebAssembly when it is large enough to pay: where the operands lie
 * when they live in a trainer's arena (wasm/memory.ts), else copied in and out.
 */
export function listRowsInto(a: Matrix, rows: SparseLists): void {
  ensureCapacity(rows, a.rows * a.cols);
  if (a.rows * a.cols >= WASM_MIN_WORK && (arenaOf(rows.value)?.rowLists(a, rows) || wasmKernels()?.rowLists(a, rows))) return;
  rowListsInto(a, rows);
}

/** out = scale·(init + lists·M), in WebAssembly when it is large enough to pay. */
export function multiplyInto(lists: SparseLists, M: Matrix, init: Float64Array | null, out: Matrix, scale = 1): void {
  if (lists.ptr[lists.count]! * M.cols >= WASM_MIN_WORK) {
    if (arenaOf(out.data)?.multiply(lists, M, init, out, scale) || wasmKernels()?.multiply(lists, M, init, out, scale)) return;
  }
  sparseTimesDenseInto(lists, M, init, out, scale);
}

/** z = a·W + b (b null: no bias), leaving the row lists of a in `rows`. */
export function affineInto(a: Matrix, W: Matrix, b: Float64Array | null, rows: SparseLists, z: Matrix): void {
  listRowsInto(a, rows);
  multiplyInto(rows, W, b, z);
}

/** dW = scale·aᵀ·δ from the row lists of a (a has dW.rows columns); `cols` is scratch. */
export function transposedProductInto(rows: SparseLists, delta: Matrix, scale: number, cols: SparseLists, dW: Matrix): void {
  if (rows.ptr[rows.count]! * delta.cols >= WASM_MIN_WORK) {
    if (arenaOf(dW.data)?.transposedProduct(rows, delta, scale, cols, dW) || wasmKernels()?.transposedProduct(rows, delta, scale, dW)) return;
  }
  columnListsInto(rows, dW.rows, cols);
  sparseTimesDenseInto(cols, delta, null, dW, scale);
}
