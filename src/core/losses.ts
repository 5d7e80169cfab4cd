/**
 * Output/loss pairs. Each loss gives, for a batch of m samples:
 *   - the prediction y the network makes (softmax or sigmoid of the logits, or a = f(z)),
 *   - the per-sample loss L_i (the batch's data loss is their mean, L = (1/m)·Σ_i L_i),
 *   - the output error term δ^L_i = ∂L_i/∂z^L_i for every sample i.
 *
 * δ is kept per sample (not divided by m) so the error-term heatmaps show each sample's own
 * error; the 1/m of the batch mean is applied once, when gradients are formed.
 */
import type { Activation } from './activations.ts';
import { sigmoid } from './activations.ts';
import type { LossName } from './spec.ts';
import type { Matrix } from './tensor.ts';

export interface Loss {
  readonly name: LossName;
  /** The formula of L_i and of δ^L, for labels. */
  readonly formula: { readonly loss: string; readonly delta: string };
  /** y from the output layer's z and a. */
  predict(z: Matrix, a: Matrix, y: Matrix): void;
  /** out[i] = L_i, given the prediction y and targets t. */
  perSample(z: Matrix, y: Matrix, t: Matrix, out: Float64Array): void;
  /** δ^L = ∂L_i/∂z^L for every sample; fPrime is scratch of δ's shape. */
  outputDelta(z: Matrix, a: Matrix, y: Matrix, t: Matrix, f: Activation, fPrime: Float64Array, delta: Matrix): void;
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

const softmaxCrossEntropy: Loss = {
  name: 'softmax-cross-entropy',
  formula: { loss: 'L = −Σⱼ tⱼ·log yⱼ, y = softmax(z)', delta: 'δ = y − t' },
  predict(z, _a, y) {
    const { rows: m, cols: k } = z;
    for (let i = 0; i < m; i++) {
      const row = i * k;
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, z.data[row + j]!);
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const e = Math.exp(z.data[row + j]! - max);
        y.data[row + j] = e;
        sum += e;
      }
      for (let j = 0; j < k; j++) y.data[row + j] /= sum;
    }
  },
  perSample(z, _y, t, out) {
    // −Σ t_j·log softmax(z)_j with log softmax(z)_j = z_j − max − log Σ e^(z − max).
    const { rows: m, cols: k } = z;
    for (let i = 0; i < m; i++) {
      const row = i * k;
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, z.data[row + j]!);
      let sum = 0;
      for (let j = 0; j < k; j++) sum += Math.exp(z.data[row + j]! - max);
      const logSum = Math.log(sum) + max;
      let li = 0;
      for (let j = 0; j < k; j++) {
        const tj = t.data[row + j]!;
        if (tj !== 0) li -= tj * (z.data[row + j]! - logSum);
      }
      out[i] = li;
    }
  },
  outputDelta(_z, _a, y, t, _f, _fPrime, delta) {
    // ∂L_i/∂z_j = y_j·Σ_k t_k − t_j, which is y − t for one-hot (or any summing-to-one) t.
    const { rows: m, cols: k } = y;
    for (let i = 0; i < m; i++) {
      const row = i * k;
      let tSum = 0;
      for (let j = 0; j < k; j++) tSum += t.data[row + j]!;
      for (let j = 0; j < k; j++) delta.data[row + j] = y.data[row + j]! * tSum - t.data[row + j]!;
    }
  },
};

const sigmoidBinaryCrossEntropy: Loss = {
  name: 'sigmoid-binary-cross-entropy',
  formula: { loss: 'L = −Σⱼ [tⱼ·log yⱼ + (1 − tⱼ)·log(1 − yⱼ)], y = σ(z)', delta: 'δ = y − t' },
  predict(z, _a, y) {
    for (let s = 0; s < z.data.length; s++) y.data[s] = sigmoid(z.data[s]!);
  },
  perSample(z, _y, t, out) {
    // −[t·log σ(z) + (1 − t)·log(1 − σ(z))] = softplus(z) − t·z, stable for any z.
    const { rows: m, cols: k } = z;
    for (let i = 0; i < m; i++) {
      let li = 0;
      for (let j = 0; j < k; j++) {
        const zj = z.data[i * k + j]!;
        li += softplus(zj) - t.data[i * k + j]! * zj;
      }
      out[i] = li;
    }
  },
  outputDelta(_z, _a, y, t, _f, _fPrime, delta) {
    for (let s = 0; s < y.data.length; s++) delta.data[s] = y.data[s]! - t.data[s]!;
  },
};

/** Squared error with per-sample weight c: L_i = c·Σⱼ (yⱼ − tⱼ)², δ = 2c·(y − t) ⊙ f'(z). */
function squaredError(name: LossName, c: (k: number) => number, formula: Loss['formula']): Loss {
  return {
    name,
    formula,
    predict(_z, a, y) {
      y.data.set(a.data);
    },
    perSample(_z, y, t, out) {
      const { rows: m, cols: k } = y;
      const ck = c(k);
      for (let i = 0; i < m; i++) {
        let sum = 0;
        for (let j = 0; j < k; j++) {
          const e = y.data[i * k + j]! - t.data[i * k + j]!;
          sum += e * e;
        }
        out[i] = ck * sum;
      }
    },
    outputDelta(z, a, y, t, f, fPrime, delta) {
      f.derivative(z.data, a.data, fPrime);
      const twoC = 2 * c(y.cols);
      for (let s = 0; s < y.data.length; s++) delta.data[s] = twoC * (y.data[s]! - t.data[s]!) * fPrime[s]!;
    },
  };
}

const LOSSES: Record<LossName, Loss> = {
  'softmax-cross-entropy': softmaxCrossEntropy,
  'sigmoid-binary-cross-entropy': sigmoidBinaryCrossEntropy,
  // ½·Σⱼ (y − t)² per sample, averaged over the batch: the quadratic cost C = (1/2n)·Σ‖y − a‖².
  'squared-error-half': squaredError('squared-error-half', () => 0.5, {
    loss: 'L = ½·Σⱼ (yⱼ − tⱼ)²',
    delta: "δ = (y − t) ⊙ f'(z)",
  }),
  // The plain mean over every entry of the batch: (1/(m·k))·Σᵢⱼ (y − t)².
  'mean-squared-error': squaredError('mean-squared-error', (k) => 1 / k, {
    loss: 'L = (1/k)·Σⱼ (yⱼ − tⱼ)²',
    delta: "δ = (2/k)·(y − t) ⊙ f'(z)",
  }),
};

export function loss(name: LossName): Loss {
  return LOSSES[name];
}
