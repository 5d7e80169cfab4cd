/**
 * The forward and backward passes, one layer at a time, over a reusable workspace.
 *
 * Notation (layer l = 1..L, batch of m samples, one per row):
 *   a⁰ = x
 *   zˡ = aˡ⁻¹·Wˡ + bˡ                 (m × nˡ)
 *   aˡ = fˡ(zˡ)
 *   δᴸ = ∂Lᵢ/∂zᴸ, from the loss       (per sample, see losses.ts)
 *   δˡ = (δˡ⁺¹·Wˡ⁺¹ᵀ) ⊙ fˡ'(zˡ)        (l < L)
 *   ∂L/∂Wˡ = (1/m)·aˡ⁻¹ᵀ·δˡ + ∂penalty/∂Wˡ
 *   ∂L/∂bˡ = (1/m)·Σᵢ δˡᵢ
 * Everything is written into preallocated buffers; nothing here allocates per step.
 */
import { activation } from './activations.ts';
import { loss as lossOf } from './losses.ts';
import type { LayerParams } from './network.ts';
import { addPenaltyGradient, penalty, penaltyAdds } from './regularizers.ts';
import type { NetworkSpec, Regularization } from './spec.ts';
import { depth } from './spec.ts';
import { activateChecked, actCode, timesDerivativeChecked, type Act } from './fused.ts';
import { errorTermDirect, forwardDirect, gradientsDirect } from './small-layers.ts';
import { affineInto, multiplyInto, transposedProductInto } from './sparse.ts';
import { allFinite, columnSumsInto, transposeInto, type Matrix } from './tensor.ts';
import { arenaOf } from './wasm/memory.ts';
import { layerInput, type Batch, type Workspace } from './workspace.ts';

export { createWorkspace, layerInput, listInput, type Batch, type LayerBuffers, type Workspace } from './workspace.ts';

export interface LossBreakdown {
  /** (1/m)·Σᵢ Lᵢ */
  readonly data: number;
  /** The regularization penalty on the weights. */
  readonly penalty: number;
  /** data + penalty: the quantity the gradients are of. */
  readonly total: number;
}

/** zˡ = aˡ⁻¹·Wˡ + bˡ and aˡ = fˡ(zˡ). Returns true when every zˡ is finite. */
export function forwardLayer(spec: NetworkSpec, params: readonly LayerParams[], ws: Workspace, x: Matrix, l: number): boolean {
  const { W, b } = params[l - 1]!;
  const buf = ws.layers[l - 1]!;
  const name = spec.layers[l]!.activation!;
  if (l === 1) ws.x = x;
  const act = actCode(name) as Act | undefined; // undefined for an activation the fused loops do not know
  if (buf.direct && act !== undefined) return forwardDirect(layerInput(ws, x, l), W, b, act, buf.z, buf.a);
  if (l === 1 && ws.listedInput === x) multiplyInto(buf.inputRows, W, b, buf.z);
  else affineInto(layerInput(ws, x, l), W, b, buf.inputRows, buf.z); // z = a·W + b
  if (l === 1) ws.listedInput = null;
  if (act === undefined) {
    activation(name).apply(buf.z.data, buf.a.data);
    return allFinite(buf.z.data);
  }
  return activateChecked(act, buf.z.data, buf.a.data);
}

/** y from the output layer: softmax or sigmoid of the logits, or aᴸ itself. */
export function predictOutput(spec: NetworkSpec, ws: Workspace): void {
  const out = ws.layers[depth(spec) - 1]!;
  lossOf(spec.loss).predict(out.z, out.a, ws.y);
}

/** y, the per-sample losses, and the batch loss with its penalty. */
export function computeLoss(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  reg: Regularization,
  ws: Workspace,
  t: Matrix,
): LossBreakdown {
  const out = ws.layers[depth(spec) - 1]!;
  // In an arena, softmax and cross-entropy in one WebAssembly pass, with the same bits.
  const fused = spec.loss === 'softmax-cross-entropy' && arenaOf(ws.y.data)?.softmaxCrossEntropy(out.z, ws.residentT ?? t, ws.y, ws.perSample);
  if (!fused) {
    predictOutput(spec, ws);
    lossOf(spec.loss).perSample(out.z, ws.y, t, ws.perSample);
  }
  let sum = 0;
  for (let i = 0; i < ws.m; i++) sum += ws.perSample[i]!;
  const data = sum / ws.m;
  const pen = penalty(reg, params);
  return { data, penalty: pen, total: data + pen };
}

/**
 * δˡ, ∂L/∂Wˡ and ∂L/∂bˡ. Needs forward l (its input lists) and, for l < L, δˡ⁺¹. Returns
 * true when every δˡ is finite.
 */
export function backwardLayer(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  reg: Regularization,
  ws: Workspace,
  t: Matrix,
  l: number,
): boolean {
  const finite = errorTerm(spec, params, ws, t, l);
  layerGradients(params, reg, ws, l);
  return finite;
}

/** δᴸ from the loss, or δˡ = (δˡ⁺¹·Wˡ⁺¹ᵀ) ⊙ f'(zˡ) below it. Returns true when every δˡ is finite. */
export function errorTerm(spec: NetworkSpec, params: readonly LayerParams[], ws: Workspace, t: Matrix, l: number): boolean {
  const buf = ws.layers[l - 1]!;
  const name = spec.layers[l]!.activation!;
  if (l === depth(spec)) {
    if (spec.loss === 'softmax-cross-entropy') {
      const finite = arenaOf(buf.delta.data)?.softmaxDeltaChecked(ws.y, ws.residentT ?? t, buf.delta);
      if (finite != null) return finite;
    }
    lossOf(spec.loss).outputDelta(buf.z, buf.a, ws.y, t, activation(name), buf.fPrime, buf.delta);
    return allFinite(buf.delta.data);
  }
  const above = params[l]!.W;
  const act = actCode(name) as Act | undefined; // undefined for an activation the fused loops do not know
  if (ws.layers[l]!.direct && act !== undefined) return errorTermDirect(ws.layers[l]!.delta, above, act, buf.z, buf.a, buf.delta);
  transposeInto(above, buf.weightsAboveT);
  affineInto(ws.layers[l]!.delta, buf.weightsAboveT, null, buf.deltaAboveRows, buf.delta); // δˡ⁺¹·Wˡ⁺¹ᵀ
  if (act === undefined) {
    activation(name).derivative(buf.z.data, buf.a.data, buf.fPrime);
    for (let s = 0; s < buf.delta.data.length; s++) buf.delta.data[s]! *= buf.fPrime[s]!;
    return allFinite(buf.delta.data);
  }
  return timesDerivativeChecked(act, buf.z.data, buf.a.data, buf.delta.data);
}

/**
 * ∂L/∂Wˡ = (1/m)·aˡ⁻¹ᵀ·δˡ + ∂penalty/∂Wˡ and ∂L/∂bˡ = (1/m)·Σᵢ δˡᵢ, from δˡ. Needs forward l.
 * (The bug lab passes another scale than 1/m for its summed-batch mistake.)
 */
export function layerGradients(params: readonly LayerParams[], reg: Regularization, ws: Workspace, l: number, scale = 1 / ws.m): void {
  const buf = ws.layers[l - 1]!;
  if (buf.direct) {
    gradientsDirect(l === 1 ? ws.x! : ws.layers[l - 2]!.a, buf.delta, scale, buf.dW, buf.db, buf.gradMax);
    buf.gradMax.measured = !penaltyAdds(reg); // a penalty changes ∂L/∂W after the max was taken
  } else {
    transposedProductInto(buf.inputRows, buf.delta, scale, buf.inputCols, buf.dW); // (1/m)·aᵀ·δ
    columnSumsInto(buf.delta, scale, buf.db);
    buf.gradMax.measured = false;
  }
  addPenaltyGradient(reg, params[l - 1]!.W.data, buf.dW.data);
}

/** Forward through every layer and the loss: what the gradient check perturbs. */
export function lossOnly(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  reg: Regularization,
  ws: Workspace,
  batch: Batch,
): LossBreakdown {
  for (let l = 1; l <= depth(spec); l++) forwardLayer(spec, params, ws, batch.x, l);
  return computeLoss(spec, params, reg, ws, batch.t);
}
