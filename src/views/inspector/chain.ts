/**
 * The numbers of the chain rule for one weight Wˡ[i][j] or one bias bˡ[j], read from a trace.
 * Every value shown comes straight from the trace (W, b, x, a, z, y, t, δ, ∂L/∂W, ∂L/∂b, ΔW,
 * Δb); the only things computed here are the sums the inspector displays, in the same order
 * and with the same operations as the core, so they reproduce the trace's numbers:
 *   δˡ[j]  = (Σₖ Wˡ⁺¹[j][k]·δˡ⁺¹[k]) · f'(zˡ[j])     below the output layer
 *   δᴸ[j]  from the loss (y − t, or c·(y − t)·f'(z))  at the output layer
 *   ∂L/∂Wˡ[i][j] = (1/m)·Σₛ aˡ⁻¹[s][i]·δˡ[s][j] + λ·W (L2) or λ·sign(W) (L1)
 *   ∂L/∂bˡ[j]    = (1/m)·Σₛ δˡ[s][j]
 */
import { activation, type ActivationName } from '../../core/activations.ts';
import { loss as lossOf } from '../../core/losses.ts';
import type { LossName, NetworkSpec, Regularization } from '../../core/spec.ts';
import type { Matrix } from '../../core/tensor.ts';
import type { Trace } from '../../core/trace.ts';

const at = (m: Matrix, r: number, c: number): number => m.data[r * m.cols + c]!;

/** f'(z) exactly as the core's activation computes it. */
export function derivativeAt(name: ActivationName, z: number, a: number): number {
  const out = new Float64Array(1);
  activation(name).derivative(Float64Array.of(z), Float64Array.of(a), out);
  return out[0]!;
}

export interface Term {
  readonly k: number;
  /** Wˡ⁺¹[j][k] and δˡ⁺¹[s][k], from the trace. */
  readonly w: number;
  readonly delta: number;
  /** w·δ */
  readonly product: number;
}

export type DeltaSource =
  | {
      readonly kind: 'output';
      readonly loss: LossName;
      readonly activation: ActivationName;
      readonly y: number;
      readonly t: number;
      /** Σ of the sample's targets (softmax cross-entropy: δ = y·Σt − t, which is y − t when Σt = 1). */
      readonly tSum: number;
      readonly z: number;
      readonly a: number;
      /** f'(zᴸ[j]) for the squared errors, else null. */
      readonly fPrime: number | null;
      /** The factor 2c of the squared errors (1 for ½·Σ, 2/k for the mean), else null. */
      readonly factor: number | null;
      /** δ recomputed as the loss computes it (equals the trace's). */
      readonly computed: number;
    }
  | {
      readonly kind: 'hidden';
      readonly activation: ActivationName;
      readonly terms: readonly Term[];
      /** Σₖ w·δ, summed in k order. */
      readonly sum: number;
      readonly z: number;
      readonly a: number;
      readonly fPrime: number;
      readonly computed: number;
    };

export interface SampleDelta {
  readonly sample: number;
  /** δˡ[s][j] from the trace. */
  readonly delta: number;
  /** Where it comes from, or null when the layer above has no δ in this trace. */
  readonly source: DeltaSource | null;
}

/** δˡ[s][j] and its derivation, or null before backward l. */
export function deltaOf(trace: Trace, spec: NetworkSpec, l: number, j: number, s: number): SampleDelta | null {
  const layer = trace.layers[l - 1];
  if (!layer?.delta) return null;
  const delta = at(layer.delta, s, j);
  const L = trace.layers.length;
  const name = spec.layers[l]!.activation!;
  const z = layer.z ? at(layer.z, s, j) : NaN;
  const a = layer.a ? at(layer.a, s, j) : NaN;
  if (l === L) {
    if (!trace.y) return { sample: s, delta, source: null };
    const k = trace.t.cols;
    const y = at(trace.y, s, j);
    const t = at(trace.t, s, j);
    let tSum = 0;
    for (let c = 0; c < k; c++) tSum += at(trace.t, s, c);
    const loss = spec.loss;
    const { deltaFactor, output } = lossOf(loss);
    if (deltaFactor === undefined) {
      // The loss owns the output: δ = y·Σt − t for softmax (y − t when Σt = 1), y − t for σ.
      const computed = output === 'softmax' ? y * tSum - t : y - t;
      return { sample: s, delta, source: { kind: 'output', loss, activation: name, y, t, tSum, z, a, fPrime: null, factor: null, computed } };
    }
    const fPrime = derivativeAt(name, z, a);
    const factor = deltaFactor.value(k);
    const computed = factor * (y - t) * fPrime;
    return { sample: s, delta, source: { kind: 'output', loss, activation: name, y, t, tSum, z, a, fPrime, factor, computed } };
  }
  const above = trace.layers[l]!;
  if (!above.delta) return { sample: s, delta, source: null };
  const terms: Term[] = [];
  let sum = 0;
  for (let k = 0; k < above.W.cols; k++) {
    const w = at(above.W, j, k);
    const d = at(above.delta, s, k);
    terms.push({ k, w, delta: d, product: d * w });
    sum += d * w; // as timesTransposeInto: δˡ⁺¹·Wˡ⁺¹ᵀ
  }
  const fPrime = derivativeAt(name, z, a);
  return { sample: s, delta, source: { kind: 'hidden', activation: name, terms, sum, z, a, fPrime, computed: sum * fPrime } };
}

export interface Contribution {
  readonly sample: number;
  /** aˡ⁻¹[s][i] (x for l = 1); 1 for a bias. */
  readonly input: number;
  readonly delta: number;
  /** input·δ/m: this sample's share of the data gradient. */
  readonly value: number;
}

export interface PenaltyTerm {
  readonly kind: 'none' | 'l2' | 'l1';
  readonly lambda: number;
  /** λ·w, λ·sign(w) or 0. */
  readonly value: number;
}

export interface Gradient {
  readonly contributions: readonly Contribution[];
  /** (1/m)·Σₛ input·δ, summed as the core sums it. */
  readonly data: number;
  readonly penalty: PenaltyTerm;
  /** ∂L/∂θ from the trace. */
  readonly total: number;
}

export interface Update {
  readonly old: number;
  /** Δθ from the trace. */
  readonly delta: number;
  readonly next: number;
  readonly learningRate: number | null;
  /** True when Δθ is exactly −η·g (plain gradient descent). */
  readonly isSgd: boolean;
}

export interface Chain {
  readonly kind: 'weight' | 'bias';
  readonly layer: number;
  /** Unit i of layer l − 1 (weights only; −1 for a bias). */
  readonly i: number;
  readonly j: number;
  readonly m: number;
  /** The parameter's value before the update. */
  readonly value: number;
  /** The layer input column aˡ⁻¹[·][i], or null before forward l − 1 (a bias has input 1). */
  readonly inputs: readonly number[] | null;
  /** δˡ[·][j] from the trace, or null before backward l. */
  readonly deltas: readonly number[] | null;
  readonly gradient: Gradient | null;
  /** After the update phase; null before it (or when the update was refused). */
  readonly update: Update | null;
  /** True once the update phase has run. */
  readonly updateRan: boolean;
}

export function penaltyTerm(reg: Regularization, w: number): PenaltyTerm {
  if (reg.kind === 'none' || reg.lambda === 0) return { kind: 'none', lambda: 0, value: 0 };
  return { kind: reg.kind, lambda: reg.lambda, value: reg.kind === 'l2' ? reg.lambda * w : reg.lambda * Math.sign(w) };
}

/** The chain of weight Wˡ[i][j] (i = null) or bias bˡ[j], with the regularization the step used. */
export function chainOf(trace: Trace, l: number, i: number | null, j: number, reg: Regularization): Chain {
  const layer = trace.layers[l - 1]!;
  const m = trace.x.rows;
  const bias = i === null;
  const value = bias ? layer.b[j]! : at(layer.W, i, j);
  const inputMatrix = l === 1 ? trace.x : trace.layers[l - 2]!.a;
  const inputs = bias ? Array.from({ length: m }, () => 1) : inputMatrix ? Array.from({ length: m }, (_, s) => at(inputMatrix, s, i)) : null;
  const deltas = layer.delta ? Array.from({ length: m }, (_, s) => at(layer.delta!, s, j)) : null;
  let gradient: Gradient | null = null;
  if (deltas && inputs && layer.dW && layer.db) {
    const inv = 1 / m;
    const contributions = deltas.map((d, s) => ({ sample: s, input: inputs[s]!, delta: d, value: (inputs[s]! * d) / m }));
    let sum = 0;
    if (bias) for (const d of deltas) sum += d; // columnSumsInto
    else for (let s = 0; s < m; s++) if (inputs[s] !== 0) sum += inputs[s]! * deltas[s]!; // sparse aᵀ·δ
    const data = bias ? (m === 1 ? sum : sum * inv) : sum * inv;
    const penalty = bias ? penaltyTerm({ kind: 'none', lambda: 0 }, value) : penaltyTerm(reg, value);
    const total = bias ? layer.db[j]! : at(layer.dW, i, j);
    gradient = { contributions, data, penalty, total };
  }
  const updateRan = trace.phases.some((p) => p.kind === 'update');
  let update: Update | null = null;
  const applied = bias ? layer.updateB?.[j] : layer.updateW ? at(layer.updateW, i, j) : undefined;
  if (applied !== undefined) {
    const eta = trace.learningRate ?? null;
    const g = gradient?.total;
    const isSgd = eta !== null && g !== undefined && applied === -eta * g;
    update = { old: value, delta: applied, next: value + applied, learningRate: eta, isSgd };
  }
  return { kind: bias ? 'bias' : 'weight', layer: l, i: bias ? -1 : i, j, m, value, inputs, deltas, gradient, update, updateRan };
}

/**
 * Which of the candidate regularizations the step used: the first whose penalty gradient added
 * to the data gradient gives the trace's ∂L/∂W[i][j] (settings may have changed since the step).
 */
export function pickRegularization(trace: Trace, l: number, i: number, j: number, candidates: readonly Regularization[]): Regularization {
  const fallback = candidates[0] ?? { kind: 'none', lambda: 0 };
  for (const reg of candidates) {
    const g = chainOf(trace, l, i, j, reg).gradient;
    if (g === null) return fallback;
    const err = Math.abs(g.data + g.penalty.value - g.total);
    if (err <= 1e-12 * Math.max(1, Math.abs(g.total))) return reg;
  }
  return fallback;
}

/** Up to `max` sample indices to list: the first ones, always including the focused sample. */
export function shownSamples(m: number, focus: number, max: number): number[] {
  if (m <= max) return Array.from({ length: m }, (_, s) => s);
  const rows = Array.from({ length: max }, (_, s) => s);
  if (focus >= max) rows[max - 1] = focus;
  return rows;
}
