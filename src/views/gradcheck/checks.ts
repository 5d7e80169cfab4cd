/**
 * What the gradient-check panel shows of a GradCheckReport, as plain functions: pass or fail
 * against a threshold τ on the relative error ε = |g − ĝ| / max(|g|, |ĝ|, floor) (g from
 * backpropagation, ĝ numerical), the tensor's name with its layer as a superscript, and the
 * map of one tensor's relative errors on a log scale centred on τ. No React here.
 */
import type { GradCheckReport, TensorCheck } from '../../core/gradcheck.ts';
import type { Matrix } from '../../core/tensor.ts';
import { indexText, type Convention } from '../shared/convention.ts';
import { sup } from '../shared/notation.ts';

/** The common threshold for a double-precision check with a fourth-order difference. */
export const DEFAULT_THRESHOLD = 1e-6;
/** Relative errors below this (0 included: an exact match) are drawn at this value, so log₁₀ stays finite. */
export const SMALLEST_SHOWN = 1e-16;

/** A tensor passes when its largest relative error is at most τ (NaN fails). */
export function passes(t: TensorCheck, threshold: number): boolean {
  return t.maxRelError <= threshold;
}

/** "W1" → "W¹", "b12" → "b¹²". */
export function tensorLabel(t: Pick<TensorCheck, 'kind' | 'layer'>): string {
  return `${t.kind}${sup(t.layer)}`;
}

/** Units of weight layer l (n_out), from the size of its bias vector. */
export function unitsOf(report: GradCheckReport, layer: number): number {
  return report.tensors.find((t) => t.kind === 'b' && t.layer === layer)?.size ?? 1;
}

/** A whole number with narrow spaces between groups of three digits: 39200 → "39 200". */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** An error figure in short scientific notation, so a column compares at a glance: 1e-5, 3.4e-12, 1.57e-3. */
export function short(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return x.toExponential(2).replace(/\.?0+e/, 'e');
}

/** log₁₀ ε − log₁₀ τ: 0 at the threshold, > 0 failing, < 0 passing (one decade per unit). */
export function logRatio(relativeError: number, threshold: number): number {
  if (Number.isNaN(relativeError)) return NaN;
  return Math.log10(Math.max(relativeError, SMALLEST_SHOWN)) - Math.log10(threshold);
}

export interface ErrorMap {
  readonly matrix: Matrix;
  /** Whether the map has the tensor's shape (every entry checked) or is a strip of the sampled entries. */
  readonly full: boolean;
  /** The checked entry (position in indices/relativeErrors) shown by cell (row, col), or −1 for none. */
  entryAt(row: number, col: number): number;
}

/**
 * The relative errors of one tensor as log₁₀(ε/τ): a fully checked W as its n_in × n_out
 * shape (W[i][j] from unit i below to unit j above) and b as 1 × n_out; a sampled tensor as a
 * 1 × k strip of its checked entries in index order. Cells of unchecked entries are NaN.
 */
export function errorMap(t: TensorCheck, unitsOut: number, threshold: number): ErrorMap {
  const k = t.indices.length;
  const full = k === t.size;
  const cols = full ? (t.kind === 'W' ? unitsOut : t.size) : k;
  const rows = cols > 0 ? Math.max(1, Math.ceil((full ? t.size : k) / cols)) : 0;
  const data = new Float64Array(rows * cols).fill(NaN);
  const entry = new Int32Array(rows * cols).fill(-1);
  t.indices.forEach((s, q) => {
    const cell = full ? s : q;
    data[cell] = logRatio(t.relativeErrors[q]!, threshold);
    entry[cell] = q;
  });
  return {
    matrix: { rows, cols, data },
    full,
    entryAt: (row, col) => (row >= 0 && row < rows && col >= 0 && col < cols ? entry[row * cols + col]! : -1),
  };
}

/** Where checked entry q sits in its tensor: "W¹[3][0]" (columns: "W¹[0][3]") or "b¹[2]". */
export function entryLabel(t: TensorCheck, q: number, unitsOut: number, convention: Convention = 'rows'): string {
  const s = t.indices[q]!;
  return t.kind === 'W' ? `${tensorLabel(t)}${indexText(convention, Math.floor(s / unitsOut), s % unitsOut)}` : `${tensorLabel(t)}[${s}]`;
}
