/**
 * The samples of a batch as plain data: each row of x as image pixels (when it is a square
 * image such as MNIST's 28 × 28), and each sample's label (from t) and prediction (from y).
 */
import { loss as lossOf } from '../../core/losses.ts';
import type { NetworkSpec } from '../../core/spec.ts';
import { argmaxRow, type Matrix } from '../../core/tensor.ts';

/** Row i of a matrix, as a view. */
export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/**
 * RGBA pixels of one image row: dark ink on white, intensity v in [0, 1] (0 blank, 1 ink).
 * Values outside [0, 1] (standardised inputs) are rescaled from [min(0, lo), max(1, hi)].
 */
export function digitPixels(pixels: ArrayLike<number>): Uint8ClampedArray {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < pixels.length; k++) {
    const v = pixels[k]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const out = new Uint8ClampedArray(pixels.length * 4);
  for (let k = 0; k < pixels.length; k++) {
    const v = (pixels[k]! - lo) / (hi - lo);
    const g = Number.isFinite(v) ? Math.round(255 * (1 - v)) : 255;
    out[4 * k] = g;
    out[4 * k + 1] = g;
    out[4 * k + 2] = g;
    out[4 * k + 3] = 255;
  }
  return out;
}

export type TargetKind = 'classification' | 'regression';

/** Classes or values: the data's own kind when known, else one output of squared error is a value. */
export function targetKind(spec: NetworkSpec, data?: TargetKind): TargetKind {
  if (data !== undefined) return data;
  const k = spec.layers[spec.layers.length - 1]!.units;
  return k === 1 && lossOf(spec.loss).targets === 'real' ? 'regression' : 'classification';
}

export interface Outcome {
  /** Class index (argmax of t, or t ≥ 0.5 for one output), or the target value. */
  readonly label: number;
  /** The same of y; null before the loss phase has computed y. */
  readonly prediction: number | null;
  /** Whether the prediction's class is the label's; null for values or without y. */
  readonly correct: boolean | null;
}

function classOf(m: Matrix, i: number): number {
  return m.cols === 1 ? (m.data[i]! >= 0.5 ? 1 : 0) : argmaxRow(m, i);
}

/** Label and prediction of sample i. */
export function outcome(t: Matrix, y: Matrix | undefined, i: number, kind: TargetKind): Outcome {
  if (y !== undefined && y.rows !== t.rows) y = undefined; // a y of another batch says nothing
  if (kind === 'regression') return { label: t.data[i * t.cols]!, prediction: y ? y.data[i * y.cols]! : null, correct: null };
  const label = classOf(t, i);
  if (y === undefined) return { label, prediction: null, correct: null };
  const prediction = classOf(y, i);
  return { label, prediction, correct: prediction === label };
}
