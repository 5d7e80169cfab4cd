/** Leaky ReLU: z for z > 0, else LEAKY_RELU_SLOPE·z; kink at z = 0. */
import type { Activation } from '../activation.ts';

export const LEAKY_RELU_SLOPE = 0.01;
const SLOPE = String(LEAKY_RELU_SLOPE);

export const leakyReluActivation = {
  name: 'leaky-relu',
  apply(z, a) {
    for (let t = 0; t < z.length; t++) a[t] = z[t]! > 0 ? z[t]! : LEAKY_RELU_SLOPE * z[t]!;
  },
  derivative(z, _a, out) {
    for (let t = 0; t < z.length; t++) out[t] = z[t]! > 0 ? 1 : LEAKY_RELU_SLOPE;
  },
  kinks: [0],
  formula: {
    tex: { f: `\\begin{cases} z & z > 0 \\\\ ${SLOPE}\\,z & z \\le 0 \\end{cases}`, df: `\\begin{cases} 1 & z > 0 \\\\ ${SLOPE} & z \\le 0 \\end{cases}` },
    text: { f: `z if z > 0, else ${SLOPE}·z`, df: `1 if z > 0, else ${SLOPE}` },
  },
  numpy: {
    f: 'leaky_relu',
    prime: 'leaky_relu_prime',
    functions: `def leaky_relu(z):\n    return np.where(z > 0, z, ${SLOPE} * z)\n\n\ndef leaky_relu_prime(z):\n    return np.where(z > 0, 1.0, ${SLOPE})`,
    layer: {
      cls: 'LeakyRelu',
      name: 'leaky_relu',
      doc: `z where z > 0, else ${SLOPE}·z.`,
      state: ['positive'],
      forward: ['positive = z > 0', `return np.where(positive, z, ${SLOPE} * z)`],
      backward: [`return np.where(positive, dout, ${SLOPE} * dout)`],
    },
  },
} as const satisfies Activation;
