/** The identity f(z) = z (a linear layer); f' = 1. */
import type { Activation } from '../activation.ts';

export const identityActivation = {
  name: 'identity',
  apply(z, a) {
    if (a !== z) a.set(z);
  },
  derivative(_z, _a, out) {
    out.fill(1);
  },
  kinks: [],
  formula: {
    tex: { f: 'z', df: '1' },
    text: { f: 'z', df: '1' },
  },
  numpy: {
    f: 'identity',
    prime: 'identity_prime',
    functions: 'def identity(z):\n    return z\n\n\ndef identity_prime(z):\n    return np.ones_like(z)',
    layer: {
      cls: 'Identity',
      name: 'identity',
      state: [],
      forward: ['return z'],
      backward: ['return dout'],
    },
  },
} as const satisfies Activation;
