/**
 * Gradient check: compares backpropagation's ∂L/∂θ with a numerical derivative of the total
 * loss (data + penalty) for every entry of every parameter tensor, or for a seeded sample of
 * entries per tensor when the network is large.
 *
 * The numerical derivative is the fourth-order central difference
 *   g ≈ [−L(θ + 2h) + 8·L(θ + h) − 8·L(θ − h) + L(θ − 2h)] / (12h),
 * whose truncation error is O(h⁴) instead of the O(h²) of the two-point formula. With the
 * default h = 1e-3 both truncation and round-off (about 1e-16·|L| / h) stay near 1e-12
 * absolute on well-scaled networks. A perturbation that straddles a kink (ReLU at z = 0, L1
 * at w = 0) makes the numerical derivative meaningless there; a smaller h makes that rarer.
 *
 * Kinks are detected, not hidden: an entry whose perturbations change the sign of any ReLU or
 * leaky-ReLU pre-activation (or move an L1-penalised weight across 0) is flagged as a kink and
 * left out of the error figures, which then speak only of where the derivative exists.
 *
 * Relative error of one entry: |g_bp − g_num| / max(|g_bp|, |g_num|, floor). The floor
 * (default 1e-5) keeps entries whose true gradient is essentially zero from reporting
 * round-off as a large relative error; their absolute error is reported separately.
 */
import { activation, kinkRegion } from './activations.ts';
import { cloneParams, type LayerParams } from './network.ts';
import { backwardLayer, createWorkspace, lossOnly, type Batch } from './passes.ts';
import { createRng, uniformInt } from './rng.ts';
import { depth, type NetworkSpec, type Regularization } from './spec.ts';

export interface GradCheckOptions {
  /** Step h of the finite difference. */
  readonly h?: number;
  /** Denominator floor of the relative error. */
  readonly relativeFloor?: number;
  /** Check at most this many entries per tensor, drawn without replacement from a seeded RNG. */
  readonly maxEntriesPerTensor?: number;
  readonly seed?: number;
  /**
   * The gradients to check, when they are not the correct backpropagation's (the bug lab
   * passes a buggy trainer's `gradientsOn(batch)`), per layer as flat arrays.
   */
  readonly analytic?: readonly { readonly dW: Float64Array; readonly db: Float64Array }[];
  /** Called after each checked entry with (entries done, entries in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface TensorCheck {
  /** "W1", "b1", … by weight layer. */
  readonly name: string;
  readonly layer: number;
  readonly kind: 'W' | 'b';
  /** Entries in the tensor. */
  readonly size: number;
  /** Flat indices of the checked entries (all of them when not sampled). */
  readonly indices: Int32Array;
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  readonly relativeErrors: Float64Array;
  /** 1 where the entry's perturbations straddled a kink (excluded from the figures below). */
  readonly kinks: Uint8Array;
  readonly kinkCount: number;
  readonly maxAbsError: number;
  readonly maxRelError: number;
  readonly meanAbsDiff: number;
}

export interface GradCheckReport {
  readonly tensors: readonly TensorCheck[];
  readonly maxRelError: number;
  readonly maxAbsError: number;
  readonly h: number;
  readonly relativeFloor: number;
  readonly sampled: boolean;
  /** Entries left out because their perturbations straddled a kink. */
  readonly kinkCount: number;
}

export const DEFAULT_GRADCHECK_H = 1e-3;
export const DEFAULT_RELATIVE_FLOOR = 1e-5;

/** Analytic gradients of the total loss, from one forward and backward pass. */
export function backpropGradients(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  reg: Regularization,
  batch: Batch,
): { dW: Float64Array; db: Float64Array }[] {
  const ws = createWorkspace(spec, batch.x.rows);
  lossOnly(spec, params, reg, ws, batch);
  for (let l = depth(spec); l >= 1; l--) backwardLayer(spec, params, reg, ws, batch.t, l);
  return ws.layers.map((buf) => ({ dW: new Float64Array(buf.dW.data), db: new Float64Array(buf.db) }));
}

function chooseIndices(size: number, max: number | undefined, seed: number, tensorIndex: number): Int32Array {
  if (max === undefined || max >= size) return Int32Array.from({ length: size }, (_, s) => s);
  // Partial Fisher–Yates: the first `max` entries of a seeded permutation, then sorted.
  const rng = createRng(seed + 7919 * tensorIndex);
  const perm = Int32Array.from({ length: size }, (_, s) => s);
  for (let s = 0; s < max; s++) {
    const r = s + uniformInt(rng, size - s);
    const tmp = perm[s]!;
    perm[s] = perm[r]!;
    perm[r] = tmp;
  }
  return perm.slice(0, max).sort();
}

export function gradientCheck(
  spec: NetworkSpec,
  params: readonly LayerParams[],
  reg: Regularization,
  batch: Batch,
  options: GradCheckOptions = {},
): GradCheckReport {
  const h = options.h ?? DEFAULT_GRADCHECK_H;
  const floor = options.relativeFloor ?? DEFAULT_RELATIVE_FLOOR;
  if (!(h > 0) || !Number.isFinite(h)) throw new RangeError(`h must be a positive number, got ${h}`);
  const analytic = options.analytic ?? backpropGradients(spec, params, reg, batch);
  const theta = cloneParams(params); // perturbed in place, restored exactly after each entry
  const ws = createWorkspace(spec, batch.x.rows);
  // Which side of its activation's kinks each pre-activation lies on at θ, for every layer
  // whose activation has kinks (ReLU's z = 0, ...), to spot a perturbation that crosses one.
  const kinked = spec.layers.flatMap((layer, l) => (layer.activation !== undefined && activation(layer.activation).kinks.length > 0 ? [l] : []));
  const kinksOf = kinked.map((l) => activation(spec.layers[l]!.activation!).kinks);
  lossOnly(spec, theta, reg, ws, batch);
  const regions = kinked.map((l, p) => Uint8Array.from(ws.layers[l - 1]!.z.data, (z) => kinkRegion(kinksOf[p]!, z)));
  let crossed = false;
  const lossAt = () => {
    const total = lossOnly(spec, theta, reg, ws, batch).total;
    kinked.forEach((l, p) => {
      const z = ws.layers[l - 1]!.z.data;
      const base = regions[p]!;
      const kinks = kinksOf[p]!;
      for (let s = 0; s < z.length && !crossed; s++) if (kinkRegion(kinks, z[s]!) !== base[s]) crossed = true;
    });
    return total;
  };

  const targets = theta.flatMap((p, i) => [
    { name: `W${i + 1}`, layer: i + 1, kind: 'W' as const, values: p.W.data, grad: analytic[i]!.dW },
    { name: `b${i + 1}`, layer: i + 1, kind: 'b' as const, values: p.b, grad: analytic[i]!.db },
  ]);
  const chosen = targets.map((tg, ti) => chooseIndices(tg.values.length, options.maxEntriesPerTensor, options.seed ?? 0, ti));
  const total = chosen.reduce((n, c) => n + c.length, 0);
  let done = 0;

  const tensors = targets.map((tg, ti): TensorCheck => {
    const indices = chosen[ti]!;
    const a = new Float64Array(indices.length);
    const n = new Float64Array(indices.length);
    const rel = new Float64Array(indices.length);
    const kinks = new Uint8Array(indices.length);
    let kinkCount = 0;
    let maxAbs = 0;
    let maxRel = 0;
    let sumAbs = 0;
    indices.forEach((s, q) => {
      const old = tg.values[s]!;
      crossed = reg.kind === 'l1' && reg.lambda > 0 && tg.kind === 'W' && Math.abs(old) <= 2 * h;
      tg.values[s] = old + 2 * h;
      const p2 = lossAt();
      tg.values[s] = old + h;
      const p1 = lossAt();
      tg.values[s] = old - h;
      const m1 = lossAt();
      tg.values[s] = old - 2 * h;
      const m2 = lossAt();
      tg.values[s] = old;
      n[q] = (-p2 + 8 * p1 - 8 * m1 + m2) / (12 * h);
      a[q] = tg.grad[s]!;
      const abs = Math.abs(a[q]! - n[q]!);
      rel[q] = abs / Math.max(Math.abs(a[q]!), Math.abs(n[q]!), floor);
      if (crossed) {
        kinks[q] = 1;
        kinkCount++;
      } else {
        maxAbs = Math.max(maxAbs, abs);
        maxRel = Math.max(maxRel, rel[q]!);
        sumAbs += abs;
      }
      options.onProgress?.(++done, total);
    });
    return {
      name: tg.name,
      layer: tg.layer,
      kind: tg.kind,
      size: tg.values.length,
      indices,
      analytic: a,
      numeric: n,
      relativeErrors: rel,
      kinks,
      kinkCount,
      maxAbsError: maxAbs,
      maxRelError: maxRel,
      meanAbsDiff: indices.length > kinkCount ? sumAbs / (indices.length - kinkCount) : 0,
    };
  });
  return {
    tensors,
    maxRelError: Math.max(0, ...tensors.map((t) => t.maxRelError)),
    maxAbsError: Math.max(0, ...tensors.map((t) => t.maxAbsError)),
    h,
    relativeFloor: floor,
    sampled: tensors.some((t) => t.indices.length < t.size),
    kinkCount: tensors.reduce((n, t) => n + t.kinkCount, 0),
  };
}
