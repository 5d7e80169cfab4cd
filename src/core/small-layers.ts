/**
 * Direct loops for small layers (at most SMALL_LAYER_WORK multiply-adds a product): the
 * products without sparse lists or a transposed copy, eight sums kept in registers, the
 * activation applied as z is stored, f′ as δ is stored, and the finiteness guards folded
 * into the same loops.
 *
 * Every sum runs in the order of the sparse loops (sparse.ts): increasing index, starting
 * from the bias or from +0, zero inputs skipped (a zero times a finite weight adds nothing,
 * and skipping it keeps a −0 bias exactly as the lists do). So the numbers are the same bit
 * for bit; tests compare whole training steps both ways.
 */
import { f, fPrime, type Act } from './fused.ts';
import type { Matrix } from './tensor.ts';
import type { GradMax } from './workspace.ts';

/**
 * Layers whose products take at most this many multiply-adds (m·n_in·n_out) take the direct
 * loops. Larger ones keep the sparse lists: with ReLU inputs (half of them zero, in no order)
 * the direct loops' test for zero mispredicts, and the 784-50-10 step at batch 100 took
 * 15 % longer with its second layer direct.
 */
export const SMALL_LAYER_WORK = 4096;

/**
 * z = input·W + b and a = f(z), row by row. Returns true when every z is finite
 * (0·z is NaN exactly when z is NaN or ±Infinity).
 */
export function forwardDirect(input: Matrix, W: Matrix, b: Float64Array, act: Act, z: Matrix, a: Matrix): boolean {
  const m = input.rows;
  const nIn = input.cols;
  const n = W.cols;
  const X = input.data;
  const Wd = W.data;
  const Z = z.data;
  const A = a.data;
  let guard = 0;
  for (let i = 0; i < m; i++) {
    const xRow = i * nIn;
    const o = i * n;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      let s0 = b[j]!, s1 = b[j + 1]!, s2 = b[j + 2]!, s3 = b[j + 3]!;
      let s4 = b[j + 4]!, s5 = b[j + 5]!, s6 = b[j + 6]!, s7 = b[j + 7]!;
      for (let k = 0; k < nIn; k++) {
        const v = X[xRow + k]!;
        if (v === 0) continue;
        const w = k * n + j;
        s0 += v * Wd[w]!; s1 += v * Wd[w + 1]!; s2 += v * Wd[w + 2]!; s3 += v * Wd[w + 3]!;
        s4 += v * Wd[w + 4]!; s5 += v * Wd[w + 5]!; s6 += v * Wd[w + 6]!; s7 += v * Wd[w + 7]!;
      }
      const q = o + j;
      Z[q] = s0; Z[q + 1] = s1; Z[q + 2] = s2; Z[q + 3] = s3;
      Z[q + 4] = s4; Z[q + 5] = s5; Z[q + 6] = s6; Z[q + 7] = s7;
      A[q] = f(act, s0); A[q + 1] = f(act, s1); A[q + 2] = f(act, s2); A[q + 3] = f(act, s3);
      A[q + 4] = f(act, s4); A[q + 5] = f(act, s5); A[q + 6] = f(act, s6); A[q + 7] = f(act, s7);
      guard += s0 * 0 + s1 * 0 + s2 * 0 + s3 * 0 + s4 * 0 + s5 * 0 + s6 * 0 + s7 * 0;
    }
    for (; j < n; j++) {
      let s = b[j]!;
      for (let k = 0; k < nIn; k++) {
        const v = X[xRow + k]!;
        if (v !== 0) s += v * Wd[k * n + j]!;
      }
      Z[o + j] = s;
      A[o + j] = f(act, s);
      guard += s * 0;
    }
  }
  return guard === 0;
}

/**
 * δ = (δ_above·W_aboveᵀ) ⊙ f′(z): δ[i][k] = (Σⱼ δ_above[i][j]·W_above[k][j]) · f′(z[i][k]),
 * over j increasing with the zeros of δ_above skipped, as the sparse loops sum it. Returns true
 * when every δ is finite.
 */
export function errorTermDirect(deltaAbove: Matrix, Wabove: Matrix, act: Act, z: Matrix, a: Matrix, delta: Matrix): boolean {
  const m = deltaAbove.rows;
  const nAbove = deltaAbove.cols;
  const n = Wabove.rows;
  const D = deltaAbove.data;
  const Wd = Wabove.data;
  const Z = z.data;
  const A = a.data;
  const out = delta.data;
  let guard = 0;
  for (let i = 0; i < m; i++) {
    const dRow = i * nAbove;
    const o = i * n;
    let k = 0;
    for (; k + 8 <= n; k += 8) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let j = 0; j < nAbove; j++) {
        const d = D[dRow + j]!;
        if (d === 0) continue;
        const w = k * nAbove + j;
        s0 += d * Wd[w]!; s1 += d * Wd[w + nAbove]!; s2 += d * Wd[w + 2 * nAbove]!; s3 += d * Wd[w + 3 * nAbove]!;
        s4 += d * Wd[w + 4 * nAbove]!; s5 += d * Wd[w + 5 * nAbove]!; s6 += d * Wd[w + 6 * nAbove]!; s7 += d * Wd[w + 7 * nAbove]!;
      }
      const q = o + k;
      const d0 = s0 * fPrime(act, Z[q]!, A[q]!), d1 = s1 * fPrime(act, Z[q + 1]!, A[q + 1]!);
      const d2 = s2 * fPrime(act, Z[q + 2]!, A[q + 2]!), d3 = s3 * fPrime(act, Z[q + 3]!, A[q + 3]!);
      const d4 = s4 * fPrime(act, Z[q + 4]!, A[q + 4]!), d5 = s5 * fPrime(act, Z[q + 5]!, A[q + 5]!);
      const d6 = s6 * fPrime(act, Z[q + 6]!, A[q + 6]!), d7 = s7 * fPrime(act, Z[q + 7]!, A[q + 7]!);
      out[q] = d0; out[q + 1] = d1; out[q + 2] = d2; out[q + 3] = d3;
      out[q + 4] = d4; out[q + 5] = d5; out[q + 6] = d6; out[q + 7] = d7;
      guard += d0 * 0 + d1 * 0 + d2 * 0 + d3 * 0 + d4 * 0 + d5 * 0 + d6 * 0 + d7 * 0;
    }
    for (; k < n; k++) {
      let s = 0;
      const wRow = k * nAbove;
      for (let j = 0; j < nAbove; j++) {
        const d = D[dRow + j]!;
        if (d !== 0) s += d * Wd[wRow + j]!;
      }
      const q = o + k;
      const dk = s * fPrime(act, Z[q]!, A[q]!);
      out[q] = dk;
      guard += dk * 0;
    }
  }
  return guard === 0;
}

/**
 * ∂L/∂W = scale·inputᵀ·δ (zero inputs skipped, samples in order) and ∂L/∂b = scale·Σᵢ δᵢ,
 * each summed from +0 in registers and scaled as it is stored, as the sparse loops and
 * columnSumsInto do. max |∂L/∂W| and max |∂L/∂b| are measured as they are stored, into
 * `max` (NaN when some entry is not finite: the values maxAbs in tensor.ts gives).
 */
export function gradientsDirect(input: Matrix, delta: Matrix, scale: number, dW: Matrix, db: Float64Array, max: GradMax): void {
  const m = input.rows;
  const nIn = input.cols;
  const n = delta.cols;
  const X = input.data;
  const D = delta.data;
  const G = dW.data;
  let maxW = 0;
  let nan = 0; // 0·g is NaN exactly when g is NaN or ±Infinity
  for (let k = 0; k < nIn; k++) {
    const g = k * n;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let i = 0; i < m; i++) {
        const v = X[i * nIn + k]!;
        if (v === 0) continue;
        const d = i * n + j;
        s0 += v * D[d]!; s1 += v * D[d + 1]!; s2 += v * D[d + 2]!; s3 += v * D[d + 3]!;
        s4 += v * D[d + 4]!; s5 += v * D[d + 5]!; s6 += v * D[d + 6]!; s7 += v * D[d + 7]!;
      }
      const q = g + j;
      const g0 = Math.abs((G[q] = s0 * scale)), g1 = Math.abs((G[q + 1] = s1 * scale));
      const g2 = Math.abs((G[q + 2] = s2 * scale)), g3 = Math.abs((G[q + 3] = s3 * scale));
      const g4 = Math.abs((G[q + 4] = s4 * scale)), g5 = Math.abs((G[q + 5] = s5 * scale));
      const g6 = Math.abs((G[q + 6] = s6 * scale)), g7 = Math.abs((G[q + 7] = s7 * scale));
      maxW = Math.max(maxW, g0, g1, g2, g3, g4, g5, g6, g7);
      nan += g0 * 0 + g1 * 0 + g2 * 0 + g3 * 0 + g4 * 0 + g5 * 0 + g6 * 0 + g7 * 0;
    }
    for (; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) {
        const v = X[i * nIn + k]!;
        if (v !== 0) s += v * D[i * n + j]!;
      }
      const a = Math.abs((G[g + j] = s * scale));
      if (a > maxW) maxW = a;
      nan += a * 0;
    }
  }
  max.W = nan === 0 ? maxW : NaN;
  let maxB = 0;
  nan = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += D[i * n + j]!;
    const a = Math.abs((db[j] = scale === 1 ? s : s * scale));
    if (a > maxB) maxB = a;
    nan += a * 0;
  }
  max.b = nan === 0 ? maxB : NaN;
}
