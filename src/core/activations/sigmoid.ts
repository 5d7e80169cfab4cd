/** The logistic sigmoid σ(z) = 1 / (1 + e^(−z)); σ'(z) = σ(z)·(1 − σ(z)), computed from a = σ(z). */
import type { Activation } from '../activation.ts';

export function sigmoid(z: number): number {
  // Two branches so that exp never overflows.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export const sigmoidActivation = {
  name: 'sigmoid',
  apply(z, a) {
    for (let t = 0; t < z.length; t++) a[t] = sigmoid(z[t]!);
  },
  derivative(_z, a, out) {
    for (let t = 0; t < a.length; t++) out[t] = a[t]! * (1 - a[t]!);
  },
  kinks: [],
  formula: {
    tex: { f: '\\frac{1}{1+e^{-z}}', df: '\\sigma(z)\\,(1-\\sigma(z))' },
    text: { f: 'σ(z) = 1 / (1 + e^(−z))', df: 'σ(z)·(1 − σ(z))' },
    worked: {
      tex: { rule: 'a(1-a)', numbers: '{a}\\cdot(1-{(a)})' },
      text: { rule: 'a·(1 − a)', numbers: '{a}·(1 − {(a)})' },
    },
  },
  numpy: {
    f: 'sigmoid',
    prime: 'sigmoid_prime',
    functions: 'def sigmoid_prime(z):\n    s = sigmoid(z)\n    return s * (1 - s)',
    layer: {
      cls: 'Sigmoid',
      name: 'sigmoid',
      state: ['out'],
      forward: ['out = sigmoid(z)', 'return out'],
      backward: ['return dout * (out * (1 - out))'],
    },
    usesSigmoid: true,
  },
} as const satisfies Activation;
