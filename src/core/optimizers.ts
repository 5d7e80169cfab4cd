/**
 * Optimizers turn a gradient g = ∂L/∂θ into the update Δθ that is then added: θ ← θ + Δθ.
 *   SGD:       Δθ = −η·g
 *   Momentum:  v ← μ·v − η·g;  Δθ = v
 *   Adam:      m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;
 *              Δθ = −η·m̂ / (√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
 * Hyperparameters are read at each update, so they can change between any two steps.
 * State (v, m) is kept per parameter tensor and created on first use; switching kind starts
 * the new optimizer's state from zero and keeps the weights.
 */
import type { OptimizerConfig } from './spec.ts';
import { WASM_MIN_WORK, wasmKernels } from './wasm/kernel.ts';
import { arenaOf } from './wasm/memory.ts';

export interface OptimizerState {
  kind: OptimizerConfig['kind'];
  /** Number of updates taken with this kind (Adam's t). */
  t: number;
  /** First moment / velocity per tensor. */
  m: Float64Array[];
  /** Second moment per tensor (Adam only). */
  v: Float64Array[];
}

export function createOptimizerState(kind: OptimizerConfig['kind']): OptimizerState {
  return { kind, t: 0, m: [], v: [] };
}

/**
 * Starts one update: advances t, and resets state if the kind changed.
 * Then call `computeUpdate` once per tensor, with a stable tensor index.
 */
export function beginUpdate(state: OptimizerState, config: OptimizerConfig): void {
  if (state.kind !== config.kind) {
    state.kind = config.kind;
    state.t = 0;
    state.m = [];
    state.v = [];
  }
  state.t += 1;
}

/**
 * update[s] = Δθ[s] for gradient g of tensor number `index`, whose values are theta.
 * Returns true when every θ + Δθ is finite (0·x is NaN exactly when x is not finite), so the
 * caller can refuse the update without another pass.
 */
export function computeUpdate(
  state: OptimizerState,
  config: OptimizerConfig,
  learningRate: number,
  index: number,
  theta: Float64Array,
  g: Float64Array,
  update: Float64Array,
): boolean {
  const eta = learningRate;
  let finite = 0;
  switch (config.kind) {
    case 'sgd':
      for (let s = 0; s < g.length; s++) {
        const u = -eta * g[s]!;
        update[s] = u;
        finite += (theta[s]! + u) * 0;
      }
      return finite === 0;
    case 'momentum': {
      const mu = config.momentum;
      const v = (state.m[index] ??= new Float64Array(g.length));
      for (let s = 0; s < g.length; s++) {
        const u = mu * v[s]! - eta * g[s]!;
        v[s] = u;
        update[s] = u;
        finite += (theta[s]! + u) * 0;
      }
      return finite === 0;
    }
    case 'adam': {
      const { beta1, beta2, epsilon } = config;
      const m = (state.m[index] ??= new Float64Array(g.length));
      const v = (state.v[index] ??= new Float64Array(g.length));
      const c1 = 1 - Math.pow(beta1, state.t);
      const c2 = 1 - Math.pow(beta2, state.t);
      for (let s = 0; s < g.length; s++) {
        const gs = g[s]!;
        m[s] = beta1 * m[s]! + (1 - beta1) * gs;
        v[s] = beta2 * v[s]! + (1 - beta2) * gs * gs;
        const u = (-eta * (m[s]! / c1)) / (Math.sqrt(v[s]! / c2) + epsilon);
        update[s] = u;
        finite += (theta[s]! + u) * 0;
      }
      return finite === 0;
    }
  }
}

/**
 * SGD with the update added in the same pass: update[s] = −η·g[s], then θ[s] += update[s],
 * the very numbers computeUpdate and a separate addition give. Only for when every θ + Δθ is
 * known to be finite beforehand (see Trainer). Returns max |θ| afterwards.
 */
export function sgdStepInPlace(learningRate: number, theta: Float64Array, g: Float64Array, update: Float64Array): number {
  if (theta.length >= WASM_MIN_WORK) {
    const max = arenaOf(theta)?.sgdStep(learningRate, theta, g, update) ?? wasmKernels()?.sgdStep(learningRate, theta, g, update);
    if (max != null) return max;
  }
  const eta = learningRate;
  let max = 0;
  for (let s = 0; s < g.length; s++) {
    const u = -eta * g[s]!;
    update[s] = u;
    const next = theta[s]! + u;
    theta[s] = next;
    const a = Math.abs(next);
    if (a > max) max = a;
  }
  return max;
}
