/**
 * Dense row-major matrices over Float64Array and the few kernels backpropagation needs.
 *
 * Convention used throughout the core: a batch is a matrix with one sample per row, so a
 * layer computes Z = A·W + b with A (m × n_in), W (n_in × n_out), b (n_out) and Z (m × n_out).
 * W[i][j] (stored at data[i * cols + j]) is the weight from unit i below to unit j above.
 * The products with a layer input (a·W and aᵀ·δ) live in sparse.ts.
 */
import { WASM_MIN_WORK, wasmKernels } from './wasm/kernel.ts';
import { arenaOf, HEAP, type Allocator } from './wasm/memory.ts';

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number, alloc: Allocator = HEAP): Matrix {
  return { rows, cols, data: alloc.f64(rows * cols) };
}

export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0]!.length;
  const m = zeros(r, c);
  for (let i = 0; i < r; i++) {
    const row = rows[i]!;
    if (row.length !== c) throw new RangeError(`row ${i} has ${row.length} entries, expected ${c}`);
    m.data.set(row, i * c);
  }
  return m;
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function cloneMatrix(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: new Float64Array(m.data) };
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j]!;
}

/** C = D·Wᵀ, with D (m × q), W (p × q), C (m × p). Used for the error flowing down: δ·Wᵀ. */
export function timesTransposeInto(d: Matrix, w: Matrix, c: Matrix): void {
  const m = d.rows;
  const q = d.cols;
  const p = w.rows;
  const D = d.data;
  const W = w.data;
  const C = c.data;
  for (let i = 0; i < m; i++) {
    const dRow = i * q;
    const cRow = i * p;
    for (let k = 0; k < p; k++) {
      const wRow = k * q;
      let s = 0;
      for (let j = 0; j < q; j++) s += D[dRow + j]! * W[wRow + j]!;
      C[cRow + k] = s;
    }
  }
}

/** T = Mᵀ, with M (p × q) and T (q × p). */
export function transposeInto(M: Matrix, T: Matrix): void {
  const { rows: p, cols: q, data } = M;
  const out = T.data;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < q; j++) out[j * p + i] = data[i * q + j]!;
  }
}

/** out[j] = scale · Σ_i D[i][j] (column sums). Used for ∂L/∂b = (1/m)·Σ_i δ_i. */
export function columnSumsInto(d: Matrix, scale: number, out: Float64Array): void {
  if (arenaOf(out)?.columnSums(d, scale, out)) return; // the same sums in WebAssembly, in a trainer's arena
  const m = d.rows;
  const q = d.cols;
  const D = d.data;
  out.fill(0);
  for (let i = 0; i < m; i++) {
    const row = i * q;
    for (let j = 0; j < q; j++) out[j] += D[row + j]!;
  }
  if (scale !== 1) for (let j = 0; j < q; j++) out[j] *= scale;
}

/** Index of the largest entry of row i (first one on ties). */
export function argmaxRow(m: Matrix, i: number): number {
  const c = m.cols;
  const D = m.data;
  let best = 0;
  let bestValue = D[i * c]!;
  for (let j = 1; j < c; j++) {
    const v = D[i * c + j]!;
    if (v > bestValue) {
      bestValue = v;
      best = j;
    }
  }
  return best;
}

/** max |x| over the entries (0 when empty), or NaN when some entry is NaN or ±Infinity. */
export function maxAbs(xs: Float64Array): number {
  if (xs.length >= WASM_MIN_WORK) {
    const max = arenaOf(xs)?.maxAbs(xs) ?? wasmKernels()?.maxAbs(xs);
    if (max != null) return max;
  }
  let max0 = 0;
  let max1 = 0;
  let nan = 0; // 0·x is NaN exactly when x is NaN or ±Infinity
  const n = xs.length;
  let s = 0;
  for (; s + 1 < n; s += 2) {
    const a0 = Math.abs(xs[s]!);
    const a1 = Math.abs(xs[s + 1]!);
    if (a0 > max0) max0 = a0;
    if (a1 > max1) max1 = a1;
    nan += a0 * 0 + a1 * 0;
  }
  if (s < n) {
    const a0 = Math.abs(xs[s]!);
    if (a0 > max0) max0 = a0;
    nan += a0 * 0;
  }
  return nan === 0 ? Math.max(max0, max1) : NaN;
}

/** True when every entry is finite (no NaN, no ±Infinity). */
export function allFinite(xs: Float64Array): boolean {
  // 0·x is NaN exactly when x is NaN or ±Infinity, so one sum tells, without a branch per entry.
  let acc0 = 0;
  let acc1 = 0;
  const n = xs.length;
  let t = 0;
  for (; t + 1 < n; t += 2) {
    acc0 += xs[t]! * 0;
    acc1 += xs[t + 1]! * 0;
  }
  if (t < n) acc0 += xs[t]! * 0;
  return acc0 + acc1 === 0;
}
