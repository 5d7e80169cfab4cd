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
import { addPenaltyGradient, penalty } from './regularizers.ts';
import type { NetworkSpec, Regularization } from './spec.ts';
import { depth } from './spec.ts';
import { directLoopsOn } from './fast-paths.ts';
import { activateChecked, actCode, timesDerivativeChecked, type Act } from './fused.ts';
import { errorTermDirect, forwardDirect, gradientsDirect, SMALL_LAYER_WORK } from './small-layers.ts';
import { affineInto, createSparseLists, listRowsInto, multiplyInto, transposedProductInto, type SparseLists } from './sparse.ts';
import { allFinite, columnSumsInto, transposeInto, zeros, type Matrix } from './tensor.ts';
import { HEAP, type Allocator } from './wasm/memory.ts';

export interface Batch {
  /** m × n⁰ inputs, one sample per row. */
  readonly x: Matrix;
  /** m × nᴸ targets (one-hot rows, 0/1 columns, or real values). */
  readonly t: Matrix;
}

/** Buffers of one weight layer l, index l − 1 in Workspace.layers. */
export interface LayerBuffers {
  /** True for a small layer, which takes the direct loops (small-layers.ts) and needs no lists. */
  readonly direct: boolean;
  readonly z: Matrix;
  readonly a: Matrix;
  /** f'(zˡ), scratch for the backward pass. */
  readonly fPrime: Float64Array;
  readonly delta: Matrix;
  readonly dW: Matrix;
  readonly db: Float64Array;
  /** Nonzeros of aˡ⁻¹ by row (built in forward l, read in backward l). */
  readonly inputRows: SparseLists;
  /** Scratch of backward l: the nonzeros of aˡ⁻¹ by column, and for l < L, Wˡ⁺¹ᵀ and the nonzeros of δˡ⁺¹. */
  readonly inputCols: SparseLists;
  readonly weightsAboveT: Matrix;
  readonly deltaAboveRows: SparseLists;
}

export interface Workspace {
  /** Batch size the buffers are shaped for. */
  readonly m: number;
  readonly layers: readonly LayerBuffers[];
  /** The prediction y (softmax / sigmoid of the logits, or aᴸ). */
  readonly y: Matrix;
  /** Lᵢ for each sample. */
  readonly perSample: Float64Array;
  /** The batch x whose row lists listInput has put in layer 1's inputRows, until forward 1 uses them. */
  listedInput: Matrix | null;
  /** The x forward 1 read last, which backward 1 of a small layer reads again. */
  x: Matrix | null;
  /** In a trainer's arena: where each batch's x is copied for the kernels to list it there (else null). */
  readonly residentX: Matrix | null;
}

export interface LossBreakdown {
  /** (1/m)·Σᵢ Lᵢ */
  readonly data: number;
  /** The regularization penalty on the weights. */
  readonly penalty: number;
  /** data + penalty: the quantity the gradients are of. */
  readonly total: number;
}

/** The buffers of a step at batch size m: on the heap, or in a trainer's arena (resident.ts). */
export function createWorkspace(spec: NetworkSpec, m: number, alloc: Allocator = HEAP): Workspace {
  const layers: LayerBuffers[] = [];
  for (let l = 1; l <= depth(spec); l++) {
    const nIn = spec.layers[l - 1]!.units;
    const n = spec.layers[l]!.units;
    const nAbove = spec.layers[l + 1]?.units ?? 0;
    layers.push({
      direct: directLoopsOn() && m * nIn * n <= SMALL_LAYER_WORK,
      z: zeros(m, n, alloc),
      a: zeros(m, n, alloc),
      fPrime: alloc.f64(m * n),
      delta: zeros(m, n, alloc),
      dW: zeros(nIn, n, alloc),
      db: alloc.f64(n),
      inputRows: createSparseLists(m, m * nIn, alloc),
      inputCols: createSparseLists(nIn, m * nIn, alloc),
      weightsAboveT: zeros(nAbove, n, alloc),
      deltaAboveRows: createSparseLists(m, m * nAbove, alloc),
    });
  }
  const k = spec.layers[spec.layers.length - 1]!.units;
  const residentX = alloc === HEAP || layers[0]!.direct ? null : zeros(m, spec.layers[0]!.units, alloc);
  return { m, layers, y: zeros(m, k, alloc), perSample: alloc.f64(m), listedInput: null, x: null, residentX };
}

/** aˡ⁻¹: the batch's x for l = 1, otherwise the layer below's activation. */
export function layerInput(ws: Workspace, x: Matrix, l: number): Matrix {
  return l === 1 ? x : ws.layers[l - 2]!.a;
}

/**
 * Lists the nonzeros of a batch's x for forward 1, which then uses them, and tells whether
 * every entry of x is finite (those not listed are zeros): so a step reads x only once.
 */
export function listInput(ws: Workspace, x: Matrix): boolean {
  if (ws.layers[0]!.direct) {
    ws.listedInput = null; // forward 1 reads x directly
    return allFinite(x.data);
  }
  const rows = ws.layers[0]!.inputRows;
  if (ws.residentX === null) listRowsInto(x, rows);
  else {
    ws.residentX.data.set(x.data);
    listRowsInto(ws.residentX, rows);
  }
  const finite = allFinite(rows.value.subarray(0, rows.ptr[rows.count]!));
  ws.listedInput = finite ? x : null;
  return finite;
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
  predictOutput(spec, ws);
  lossOf(spec.loss).perSample(out.z, ws.y, t, ws.perSample);
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
  if (buf.direct) gradientsDirect(l === 1 ? ws.x! : ws.layers[l - 2]!.a, buf.delta, scale, buf.dW, buf.db);
  else {
    transposedProductInto(buf.inputRows, buf.delta, scale, buf.inputCols, buf.dW); // (1/m)·aᵀ·δ
    columnSumsInto(buf.delta, scale, buf.db);
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
