/** Softmax cross-entropy: y = softmax(z), Lᵢ = −Σⱼ tⱼ·log yⱼ, δᴸ = y − t (for targets summing to 1). */
import type { Loss } from '../loss.ts';

export const softmaxCrossEntropy = {
  name: 'softmax-cross-entropy',
  output: 'softmax',
  targets: 'one-hot',
  formula: {
    loss: 'L = −Σⱼ tⱼ·log yⱼ, y = softmax(z)',
    delta: 'δ = y − t',
    description: 'softmax cross-entropy, L_i = −Σ_j t_j·log y_j with y = softmax(z)',
  },
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
  numpy: {
    predict: (out) => `softmax(${out})`,
    batchLoss: (out, lay) => `-np.sum(t * log_softmax(${out})) / ${lay.samples(out)}`,
    delta: (lay) => ({ code: `y * t.sum(axis=${lay.unitAxis}, keepdims=True) - t`, note: "y − t, as each sample's t sums to 1" }),
    layer: {
      cls: 'SoftmaxWithLoss',
      code: (lay) => `class SoftmaxWithLoss:
    """y = softmax(z); L_i = −Σ_j t_j·log y_j, averaged over the batch."""

    def forward(self, z, t):
        self.y, self.t = softmax(z), t
        return -np.sum(t * log_softmax(z)) / ${lay.samples('z')}

    def backward(self):
        """δ = ∂L_i/∂z for each sample: y − t, as each sample's t sums to 1."""
        # Saito's SoftmaxWithLoss.backward returns (y − t) / batch_size and his Affine does not
        # divide; here Affine.backward divides by m instead. Mixing the book's SoftmaxWithLoss
        # with this Affine would divide by m twice.
        return self.y * self.t.sum(axis=${lay.unitAxis}, keepdims=True) - self.t`,
    },
  },
} as const satisfies Loss;
