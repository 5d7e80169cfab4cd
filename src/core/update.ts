/**
 * What a trainer owns and a step in progress reads (TrainingState), and the update phase: the
 * one place a step changes the parameters. The trainer owns the state; a PhaseStepper is
 * handed the very same object, so the two share no accessor functions.
 */
import type { BugState } from './bugs.ts';
import type { LayerParams } from './network.ts';
import { beginUpdate, computeUpdate, createOptimizerState, sgdStepInPlace, type OptimizerState } from './optimizers.ts';
import type { Workspace } from './passes.ts';
import type { Phase } from './phases.ts';
import type { Resident } from './resident.ts';
import type { Hyperparameters, NetworkSpec } from './spec.ts';
import { maxAbs, type Matrix } from './tensor.ts';

/** Where a non-finite number (NaN or ±Infinity) first appeared in a step. */
export interface Divergence {
  readonly phase: Phase;
  /** The quantity that went non-finite. */
  readonly quantity: 'z' | 'loss' | 'delta' | 'dW' | 'db' | 'W' | 'b';
  /** Weight layer 1..L, or null for the loss. */
  readonly layer: number | null;
}

export interface TrainingState {
  readonly spec: NetworkSpec;
  /** The phases of every step: forward 1..L, loss, backward L..1, update. */
  readonly phases: readonly Phase[];
  params: LayerParams[];
  hyper: Hyperparameters;
  optimizer: OptimizerState;
  /** The last applied update Δθ of every layer. */
  updates: readonly { readonly W: Matrix; readonly b: Float64Array }[];
  /** Number of updates applied so far. */
  steps: number;
  /** The bug lab's switched-on mistakes; null (the correct path) unless some are on. */
  bugs: BugState | null;
  /** max |θ| of every tensor (W¹, b¹, W², …), or null when not known. */
  paramMaxAbs: number[] | null;
  /** The buffers of the step under way (and of the last one), shaped for its batch size. */
  ws: Workspace | null;
  /** The arena holding params, updates and ws when the kernels run on them in place (resident.ts). */
  resident: Resident | null;
  /** The step under way; any other stepper was superseded (by a newer step, new parameters or bugs). */
  current: object | null;
}

/**
 * Below this, |θ| + |Δθ| < 2·OVERFLOW_SAFE < Number.MAX_VALUE (≈ 1.8e308): θ + Δθ is finite.
 */
const OVERFLOW_SAFE = 8e307;

/**
 * True when no SGD update can overflow: every |θ| and |η·g| is below OVERFLOW_SAFE. Then the
 * update is added in the same pass that computes it, with no separate finiteness check, and
 * the numbers are exactly those of the checked path.
 */
function sgdCannotOverflow(state: TrainingState, learningRate: number, gradMaxAbs: readonly number[]): boolean {
  state.paramMaxAbs ??= state.params.flatMap(({ W, b }) => [maxAbs(W.data), maxAbs(b)]);
  const max = state.paramMaxAbs;
  const eta = Math.abs(learningRate);
  for (let s = 0; s < max.length; s++) if (!(max[s]! < OVERFLOW_SAFE && eta * gradMaxAbs[s]! < OVERFLOW_SAFE)) return false;
  return true;
}

/**
 * Computes every layer's update from its gradient (in ws), and adds it only if every new
 * weight is finite. Returns the layer whose weights would have gone non-finite, or null.
 * gradMaxAbs holds max |g| of every tensor (W¹, b¹, W², …), measured in the backward pass.
 */
export function applyUpdate(state: TrainingState, ws: Workspace, learningRate: number, gradMaxAbs: readonly number[]): Divergence | null {
  const config = state.hyper.optimizer;
  const { params, updates } = state;
  const L = params.length;
  if (config.kind === 'sgd' && sgdCannotOverflow(state, learningRate, gradMaxAbs)) {
    beginUpdate(state.optimizer, config);
    const paramMax = state.paramMaxAbs!; // set by sgdCannotOverflow, updated in place
    for (let i = 0; i < L; i++) {
      const layer = ws.layers[i]!;
      paramMax[2 * i] = sgdStepInPlace(learningRate, params[i]!.W.data, layer.dW.data, updates[i]!.W.data);
      paramMax[2 * i + 1] = sgdStepInPlace(learningRate, params[i]!.b, layer.db, updates[i]!.b);
    }
    state.steps++;
    return null;
  }
  state.paramMaxAbs = null;
  beginUpdate(state.optimizer, config);
  let refused: Divergence | null = null;
  for (let i = 0; i < L; i++) {
    const { W, b } = params[i]!;
    const u = updates[i]!;
    const okW = computeUpdate(state.optimizer, config, learningRate, 2 * i, W.data, ws.layers[i]!.dW.data, u.W.data);
    const okB = computeUpdate(state.optimizer, config, learningRate, 2 * i + 1, b, ws.layers[i]!.db, u.b);
    if (refused === null && !(okW && okB)) refused = { phase: { kind: 'update' }, quantity: okW ? 'b' : 'W', layer: i + 1 };
  }
  if (refused !== null) {
    // The optimizer's state has taken in this step; start it afresh with the last finite weights.
    state.optimizer = createOptimizerState(config.kind);
    return refused;
  }
  for (let i = 0; i < L; i++) {
    addInto(params[i]!.W.data, updates[i]!.W.data);
    addInto(params[i]!.b, updates[i]!.b);
  }
  state.steps++;
  return null;
}

function addInto(target: Float64Array, delta: Float64Array): void {
  for (let s = 0; s < target.length; s++) target[s] += delta[s]!;
}
