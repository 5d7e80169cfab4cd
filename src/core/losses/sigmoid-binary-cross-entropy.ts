/** Binary cross-entropy on σ outputs: y = σ(z), Lᵢ = −Σⱼ [tⱼ·log yⱼ + (1 − tⱼ)·log(1 − yⱼ)], δᴸ = y − t. */
import { sigmoid } from '../activations/sigmoid.ts';
import type { Loss } from '../loss.ts';

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

export const sigmoidBinaryCrossEntropy = {
  name: 'sigmoid-binary-cross-entropy',
  output: 'sigmoid',
  targets: 'binary',
  formula: {
    loss: 'L = −Σⱼ [tⱼ·log yⱼ + (1 − tⱼ)·log(1 − yⱼ)], y = σ(z)',
    delta: 'δ = y − t',
    description: 'binary cross-entropy, L_i = −Σ_j [t_j·log y_j + (1 − t_j)·log(1 − y_j)], y = σ(z)',
  },
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
  numpy: {
    predict: (out) => `sigmoid(${out})`,
    // log(1 + e^z) − t·z is the same loss, without overflow for any z.
    batchLoss: (out, lay) => `np.sum(np.logaddexp(0, ${out}) - t * ${out}) / ${lay.samples(out)}`,
    delta: () => ({ code: 'y - t' }),
    layer: {
      cls: 'SigmoidWithLoss',
      code: (lay) => `class SigmoidWithLoss:
    """y = σ(z); L_i = −Σ_j [t_j·log y_j + (1 − t_j)·log(1 − y_j)], averaged over the batch."""

    def forward(self, z, t):
        self.y, self.t = sigmoid(z), t
        # log(1 + e^z) − t·z is the same loss, without overflow for any z
        return np.sum(np.logaddexp(0, z) - t * z) / ${lay.samples('z')}

    def backward(self):
        """δ = ∂L_i/∂z for each sample."""
        return self.y - self.t`,
    },
  },
} as const satisfies Loss;
