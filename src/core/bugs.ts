/**
 * The bug lab: five mistakes found again and again in students' backpropagation code, each a
 * switch. The correct backward pass (passes.ts) knows nothing of them: a trainer with no bug
 * switched on never calls this file, and this file only reuses the correct pieces (errorTerm,
 * layerGradients) and changes what the mistake changes.
 *
 *   delta-divided-every-layer  δ is divided by the batch size m again at every layer, on top
 *                              of the one 1/m of the batch mean: layer l's gradient comes out
 *                              m^(L − l + 1) times too small (only visible with m > 1).
 *   first-bias-frozen          the first layer's bias gradient is never computed (stays 0), so
 *                              b¹ is never updated.
 *   no-activation-derivative   the hidden error term leaves out f'(z): δˡ = δˡ⁺¹·Wˡ⁺¹ᵀ.
 *   output-error-flipped       the output error is taken as t − y while the update still
 *                              subtracts the gradient: every gradient has the wrong sign.
 *   gradients-accumulate       the gradient buffers are never reset, so each step adds this
 *                              batch's gradient to everything left over from earlier batches.
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
] as const;
export type BugName = (typeof BUGS)[number];

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
      throw new ConfigError(`${field}[${i}]`, `unknown bug ${shown(b)} (known: ${BUGS.join(', ')})`);
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
  if (!output && bugs.has('no-activation-derivative')) timesTransposeInto(ws.layers[l]!.delta, params[l]!.W, buf.delta);
  else errorTerm(spec, params, ws, t, l);
  if (output && bugs.has('output-error-flipped')) scale(buf.delta, -1);
  if (bugs.has('delta-divided-every-layer')) scale(buf.delta, 1 / ws.m);
  layerGradients(params, reg, ws, l);
  if (l === 1 && bugs.has('first-bias-frozen')) buf.db.fill(0);
  if (bugs.has('gradients-accumulate')) {
    const carried = state.carried[l - 1]!;
    for (let s = 0; s < carried.dW.length; s++) buf.dW.data[s] = carried.dW[s] += buf.dW.data[s]!;
    for (let j = 0; j < carried.db.length; j++) buf.db[j] = carried.db[j] += buf.db[j]!;
  }
}
