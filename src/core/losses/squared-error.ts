/**
 * Squared error on the output activation, per sample Lᵢ = c·Σⱼ (yⱼ − tⱼ)² with y = a = f(z) and
 * δᴸ = 2c·(y − t) ⊙ f′(z): halved (c = ½, the quadratic cost C = (1/2n)·Σ‖y − a‖²) or the
 * mean over the k outputs (c = 1/k, so the batch's loss is the plain mean over every entry).
 */
import type { Loss } from '../loss.ts';

type Written = Pick<NonNullable<Loss['deltaFactor']>, 'tex' | 'text'>;

function squaredError<N extends string>(name: N, c: (k: number) => number, written: Written, formula: Loss['formula'], numpy: Loss['numpy']) {
  return {
    name,
    output: 'activation',
    targets: 'real',
    deltaFactor: { value: (k: number) => 2 * c(k), ...written },
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
    numpy,
  } as const satisfies Loss;
}

export const squaredErrorHalf = squaredError(
  'squared-error-half',
  () => 0.5,
  { tex: () => '', text: () => '' },
  { loss: 'L = ½·Σⱼ (yⱼ − tⱼ)²', delta: "δ = (y − t) ⊙ f'(z)", description: 'squared error, L_i = ½·Σ_j (y_j − t_j)²' },
  {
    predict: (out) => out,
    batchLoss: (out, lay) => `0.5 * np.sum((${out} - t) ** 2) / ${lay.samples(out)}`,
    delta: (_lay, fPrimeZ) => ({ code: `(y - t) * ${fPrimeZ}` }),
    layer: {
      cls: 'HalfSquaredError',
      code: (lay) => `class HalfSquaredError:
    """L_i = ½·Σ_j (y_j − t_j)², averaged over the batch."""

    def forward(self, y, t):
        self.y, self.t = y, t
        return 0.5 * np.sum((y - t) ** 2) / ${lay.samples('y')}

    def backward(self):
        """∂L_i/∂y for each sample."""
        return self.y - self.t`,
    },
  },
);

export const meanSquaredError = squaredError(
  'mean-squared-error',
  (k) => 1 / k,
  { tex: (k) => `\\frac{2}{${k}}`, text: (k) => `(2/${k})·` },
  { loss: 'L = (1/k)·Σⱼ (yⱼ − tⱼ)²', delta: "δ = (2/k)·(y − t) ⊙ f'(z)", description: 'mean squared error, L_i = (1/k)·Σ_j (y_j − t_j)² over the k outputs' },
  {
    predict: (out) => out,
    batchLoss: (out) => `np.sum((${out} - t) ** 2) / ${out}.size`,
    delta: (lay, fPrimeZ) => ({ code: `2 / y.shape[${lay.unitAxis}] * (y - t) * ${fPrimeZ}`, note: 'the factor 2/k, for the k outputs' }),
    layer: {
      cls: 'MeanSquaredError',
      code: (lay) => `class MeanSquaredError:
    """L_i = (1/k)·Σ_j (y_j − t_j)² over the k outputs, averaged over the batch."""

    def forward(self, y, t):
        self.y, self.t = y, t
        return np.sum((y - t) ** 2) / y.size

    def backward(self):
        """∂L_i/∂y for each sample."""
        k = self.y.shape[${lay.unitAxis}]
        return 2 / k * (self.y - self.t)`,
    },
  },
);
