/**
 * What a 2-D network decides over the plane, as plain numbers: one forward pass over a grid of
 * cell centres (see plane.ts).
 *
 * Cost budget: a resolution² grid is one batch of resolution² rows, so a pass costs
 * resolution² · Σₗ nˡ⁻¹·nˡ multiply-adds, at about 4 ns each in the core's kernels (V8,
 * measured). 64² cells through the planar 2-4-1 net (49 k) take ~1 ms, through 2-16-16-1
 * (1.2 M) ~5 ms; wider nets get a coarser grid (affordableResolution) so that one pass stays
 * within GRID_BUDGET, about 6 ms, and it runs at most once per animation frame.
 */
import type { LayerParams } from '../../core/network.ts';
import { loss as lossOf } from '../../core/losses.ts';
import { predict } from '../../core/metrics.ts';
import { createWorkspace, forwardLayer } from '../../core/passes.ts';
import { depth, type NetworkSpec } from '../../core/spec.ts';
import { argmaxRow, type Matrix } from '../../core/tensor.ts';
import { colorRange } from '../shared/diverging.ts';
import { gridInputs, type Extent } from './plane.ts';

/**
 * How an output y becomes one number per cell:
 *   threshold:  one output, y − θ (θ = 0.5 for a probability or a 0/1 target, 0 for regression)
 *   difference: two outputs, y₁ − y₀ (p(class 1) − p(class 0) under softmax)
 *   argmax:     three or more outputs, the predicted class index
 * `range` is the fixed colour range (null: the largest |value| of the grid).
 */
export type DecisionRule =
  | { readonly kind: 'threshold'; readonly threshold: number; readonly range: number | null; readonly probability: boolean }
  | { readonly kind: 'difference'; readonly range: number | null; readonly probability: boolean }
  | { readonly kind: 'argmax'; readonly classes: number };

export function decisionRule(spec: NetworkSpec, data: 'classification' | 'regression' = 'classification'): DecisionRule {
  const k = spec.layers[spec.layers.length - 1]!.units;
  const { output } = lossOf(spec.loss);
  const probability = output !== 'activation';
  if (k === 1) {
    if (probability) return { kind: 'threshold', threshold: 0.5, range: 0.5, probability };
    return { kind: 'threshold', threshold: data === 'regression' ? 0 : 0.5, range: null, probability };
  }
  if (k === 2) return { kind: 'difference', range: output === 'softmax' ? 1 : null, probability };
  return { kind: 'argmax', classes: k };
}

/** Multiply-adds one pass over a grid may cost (≈ 6 ms at the core's ≈ 4 ns each). */
export const GRID_BUDGET = 1_500_000;

/** The largest resolution ≤ wanted (and ≥ 8) whose pass stays within the budget. */
export function affordableResolution(spec: NetworkSpec, wanted: number, budget = GRID_BUDGET): number {
  let perCell = 0;
  for (let l = 1; l < spec.layers.length; l++) perCell += spec.layers[l - 1]!.units * spec.layers[l]!.units;
  return Math.max(8, Math.min(wanted, Math.floor(Math.sqrt(budget / perCell))));
}

/** One decision value per row of y (see DecisionRule). */
export function decisionValues(y: Matrix, rule: DecisionRule): Float64Array {
  const out = new Float64Array(y.rows);
  for (let i = 0; i < y.rows; i++) {
    const row = i * y.cols;
    if (rule.kind === 'threshold') out[i] = y.data[row]! - rule.threshold;
    else if (rule.kind === 'difference') out[i] = y.data[row + 1]! - y.data[row]!;
    else out[i] = argmaxRow(y, i);
  }
  return out;
}

/** The decision value at every cell of a resolution × resolution grid over `extent` (row-major, row 0 at the top). */
export function boundaryGrid(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  extent: Extent,
  resolution: number,
  rule: DecisionRule = decisionRule(spec),
): Float64Array {
  return decisionValues(predict(spec, params, gridInputs(extent, resolution)), rule);
}

/** The colour range of a signed grid: the rule's fixed range, or the largest |value|. */
export function gridRange(values: Float64Array, rule: DecisionRule): number {
  if (rule.kind === 'argmax') return rule.classes - 1;
  return rule.range ?? colorRange(values);
}

/** True when the parameters fit the spec (a snapshot may carry none, or an old network's). */
export function paramsFit(spec: NetworkSpec, params: readonly LayerParams[] | undefined): params is readonly LayerParams[] {
  if (params === undefined || params.length !== depth(spec)) return false;
  return params.every((p, l) => p.W.rows === spec.layers[l]!.units && p.W.cols === spec.layers[l + 1]!.units && p.b.length === p.W.cols);
}

/**
 * The activations aˡ of the hidden layers 1..L−1 over the grid: one matrix per hidden layer,
 * resolution² rows (cells, as in boundaryGrid) × nˡ columns (units). Copies, not workspace views.
 */
export function hiddenActivations(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  extent: Extent,
  resolution: number,
): Matrix[] {
  const hidden = depth(spec) - 1;
  if (hidden < 1) return [];
  const x = gridInputs(extent, resolution);
  const ws = createWorkspace(spec, x.rows);
  const out: Matrix[] = [];
  for (let l = 1; l <= hidden; l++) {
    forwardLayer(spec, params, ws, x, l);
    const a = ws.layers[l - 1]!.a;
    out.push({ rows: a.rows, cols: a.cols, data: new Float64Array(a.data) });
  }
  return out;
}

/** Column j of a (cells × units) matrix: one unit's map. */
export function unitColumn(a: Matrix, j: number): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) out[i] = a.data[i * a.cols + j]!;
  return out;
}
