/** ReLU, max(0, z); its derivative is taken as 0 at z ≤ 0, and does not exist at the kink z = 0. */
import type { Activation } from '../activation.ts';

export const reluActivation = {
  name: 'relu',
  apply(z, a) {
    for (let t = 0; t < z.length; t++) a[t] = z[t]! > 0 ? z[t]! : 0;
  },
  derivative(z, _a, out) {
    for (let t = 0; t < z.length; t++) out[t] = z[t]! > 0 ? 1 : 0;
  },
  kinks: [0],
  formula: {
    tex: { f: '\\max(0, z)', df: "\\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}" },
    text: { f: 'max(0, z)', df: '1 if z > 0, else 0' },
  },
  numpy: {
    f: 'relu',
    prime: 'relu_prime',
    functions: 'def relu(z):\n    return np.maximum(z, 0)\n\n\ndef relu_prime(z):\n    return (z > 0) * 1.0',
    layer: {
      cls: 'Relu',
      name: 'relu',
      state: ['mask'],
      forward: ['mask = z <= 0', 'out = z.copy()', 'out[mask] = 0', 'return out'],
      backward: ['dout = dout.copy()', 'dout[mask] = 0', 'return dout'],
    },
  },
} as const satisfies Activation;
