/** The hyperbolic tangent; tanh'(z) = 1 − tanh²(z), computed from a = tanh(z). */
import type { Activation } from '../activation.ts';

export const tanhActivation = {
  name: 'tanh',
  apply(z, a) {
    for (let t = 0; t < z.length; t++) a[t] = Math.tanh(z[t]!);
  },
  derivative(_z, a, out) {
    for (let t = 0; t < a.length; t++) out[t] = 1 - a[t]! * a[t]!;
  },
  kinks: [],
  formula: {
    tex: { f: '\\tanh(z)', df: '1-\\tanh^2(z)' },
    text: { f: 'tanh(z)', df: '1 − tanh²(z)' },
    worked: {
      tex: { rule: '1-a^2', numbers: '1-{(a)}^2' },
      text: { rule: '1 − a²', numbers: '1 − {(a)}²' },
    },
  },
  numpy: {
    f: 'np.tanh',
    prime: 'tanh_prime',
    functions: 'def tanh_prime(z):\n    return 1 - np.tanh(z) ** 2',
    layer: {
      cls: 'Tanh',
      name: 'tanh',
      state: ['out'],
      forward: ['out = np.tanh(z)', 'return out'],
      backward: ['return dout * (1 - out ** 2)'],
    },
  },
} as const satisfies Activation;
