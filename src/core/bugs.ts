/**
 * The bug lab: mistakes found again and again in students' backpropagation code, each a switch,
 * each reproducing the mistake as the student's code writes it. The correct backward pass
 * (passes.ts) knows nothing of them: a trainer with no bug switched on never calls this file,
 * and this file only reuses the correct pieces (errorTerm, layerGradients) and changes what the
 * mistake changes. The student's code is typically written with the batch error term
 * δ_s = ∂L/∂z (it carries the 1/m, e.g. δ³ = (y − t)/m); ours is per sample (δ = m·δ_s).
 *
 *   delta-divided-every-layer  δ³ = (y − t)/m is right, and then each hidden δ is divided by m
 *                              again: layer l's gradient comes out m^(L − l) times too small
 *                              (W¹ m² too small in a 3-layer net); the output layer is right.
 *   first-bias-frozen          the first layer's bias gradient is computed correctly, but the
 *                              line that applies it (b1 -= lr * db1) is missing: b¹ never moves.
 *   no-activation-derivative   the hidden error term leaves out f'(z): δˡ = δˡ⁺¹·Wˡ⁺¹ᵀ.
 *   output-error-flipped       the output error is taken as t − y while the update still
 *                              subtracts the gradient: every gradient has the wrong sign.
 *   gradients-accumulate       the gradient buffers are never reset, so each step adds this
 *                              batch's gradient to everything left over from earlier batches.
 *   batch-summed               dW = aᵀ·δ_s with δ = y − t: summed over the batch, never divided
 *                              by m, so every gradient is m times the mean's (the effective
 *                              learning rate grows with the batch size).
 *   relu-derivative-from-activation
 *                              relu_derivative(a) with a >= 0, on a ReLU hidden layer: since
 *                              a = max(0, z) ≥ 0 always, f' is 1 everywhere; the same effect as
 *                              no-activation-derivative on those layers (others are untouched).
 */
import { ConfigError, shown } from './errors.ts';
import type { LayerParams } from './network.ts';
import { errorTerm, layerGradients, type Workspace } from './passes.ts';
import { depth, type NetworkSpec, type Regularization } from './spec.ts';
import { timesTransposeInto, type Matrix } from './tensor.ts';

export const BUGS = [
  'delta-divided-every-layer',
  'first-bias-frozen',
  'no-activation-derivative',
  'output-error-flipped',
  'gradients-accumulate',
  'batch-summed',
  'relu-derivative-from-activation',
] as const;
export type BugName = (typeof BUGS)[number];

/** Bugs with the same effect as another on some networks: the bug lab says so next to them. */
export const SAME_EFFECT: Partial<Record<BugName, BugName>> = { 'relu-derivative-from-activation': 'no-activation-derivative' };

/** The switched-on bugs, and what the accumulating bug carries from step to step. */
export interface BugState {
  readonly bugs: ReadonlySet<BugName>;
  /** Per layer, the never-reset gradient sums (gradients-accumulate only). */
  readonly carried: { readonly dW: Float64Array; readonly db: Float64Array }[];
}

export function validateBugs(value: unknown, field = 'bugs'): BugName[] {
  if (!Array.isArray(value)) throw new ConfigError(field, 'must be an array of bug names');
  return value.map((b: unknown, i: number) => {
    if (typeof b !== 'string' || !(BUGS as readonly string[]).includes(b)) {
      throw new ConfigError(`${field}[${i}]`, { code: 'unknown-bug', got: shown(b), known: BUGS });
    }
    return b as BugName;
  });
}

/** A fresh state for these bugs (null when none is on), with zeroed carried gradients. */
export function createBugState(bugs: readonly BugName[], params: readonly LayerParams[]): BugState | null {
  if (bugs.length === 0) return null;
  return {
    bugs: new Set(bugs),
    carried: params.map(({ W, b }) => ({ dW: new Float64Array(W.data.length), db: new Float64Array(b.length) })),
  };
}

export function cloneBugState(state: BugState | null): BugState | null {
  return state === null ? null : { bugs: state.bugs, carried: state.carried.map((c) => ({ dW: new Float64Array(c.dW), db: new Float64Array(c.db) })) };
}

function scale(m: Matrix, by: number): void {
  for (let s = 0; s < m.data.length; s++) m.data[s] *= by;
}

/** δˡ = δˡ⁺¹·Wˡ⁺¹ᵀ, then multiplied by the student's relu_derivative(aˡ) = (aˡ >= 0). */
function reluDerivativeFromActivation(params: readonly LayerParams[], buf: Workspace['layers'][number], deltaAbove: Matrix, l: number): void {
  timesTransposeInto(deltaAbove, params[l]!.W, buf.delta);
  const a = buf.a.data;
  const d = buf.delta.data;
  for (let s = 0; s < d.length; s++) d[s] *= a[s]! >= 0 ? 1 : 0;
}

/** backwardLayer with the switched-on mistakes. */
export function buggyBackwardLayer(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  reg: Regularization,
  ws: Workspace,
  t: Matrix,
  l: number,
  state: BugState,
): void {
  const { bugs } = state;
  const buf = ws.layers[l - 1]!;
  const output = l === depth(spec);
  const relu = spec.layers[l]!.activation === 'relu';
  if (!output && bugs.has('no-activation-derivative')) timesTransposeInto(ws.layers[l]!.delta, params[l]!.W, buf.delta);
  else if (!output && relu && bugs.has('relu-derivative-from-activation')) reluDerivativeFromActivation(params, buf, ws.layers[l]!.delta, l);
  else errorTerm(spec, params, ws, t, l);
  if (output && bugs.has('output-error-flipped')) scale(buf.delta, -1);
  // The output δ is the student's (y − t)/m, right; each hidden δ is divided by m once more.
  if (!output && bugs.has('delta-divided-every-layer')) scale(buf.delta, 1 / ws.m);
  if (bugs.has('batch-summed')) layerGradients(params, reg, ws, l, 1); // aᵀ·δ and Σᵢ δᵢ, no 1/m
  else layerGradients(params, reg, ws, l);
  if (bugs.has('gradients-accumulate')) {
    const carried = state.carried[l - 1]!;
    for (let s = 0; s < carried.dW.length; s++) buf.dW.data[s] = carried.dW[s] += buf.dW.data[s]!;
    for (let j = 0; j < carried.db.length; j++) buf.db[j] = carried.db[j] += buf.db[j]!;
  }
}

/**
 * Runs the update `apply`, then, for first-bias-frozen, puts b¹ back as it was and records
 * its applied update as 0: the update the student's code forgot to apply. Its gradient (and
 * the optimizer's state) were computed as in the correct code.
 */
export function applyWithForgottenUpdates<R>(
  state: BugState,
  params: readonly LayerParams[],
  updates: readonly { readonly b: Float64Array }[],
  apply: () => R,
): R {
  if (!state.bugs.has('first-bias-frozen')) return apply();
  const before = new Float64Array(params[0]!.b);
  const result = apply();
  params[0]!.b.set(before);
  updates[0]!.b.fill(0);
  return result;
}
