/**
 * Element-wise activations f and their derivatives f'(z).
 * The derivative is given both z and a = f(z), so sigmoid and tanh reuse a.
 * ReLU's derivative is taken as 0 at z ≤ 0; leaky ReLU has slope 0.01 for z ≤ 0.
 */

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'identity'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export const LEAKY_RELU_SLOPE = 0.01;

export interface Activation {
  readonly name: ActivationName;
  /** a[t] = f(z[t]) for every t. */
  apply(z: Float64Array, a: Float64Array): void;
  /** out[t] = f'(z[t]), with a[t] = f(z[t]) available. */
  derivative(z: Float64Array, a: Float64Array, out: Float64Array): void;
  /** The formula, for labels: f(z) and f'(z). */
  readonly formula: { readonly f: string; readonly df: string };
}

export function sigmoid(z: number): number {
  // Two branches so that exp never overflows.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const sigmoidActivation: Activation = {
  name: 'sigmoid',
  apply(z, a) {
    for (let t = 0; t < z.length; t++) a[t] = sigmoid(z[t]!);
  },
  derivative(_z, a, out) {
    for (let t = 0; t < a.length; t++) out[t] = a[t]! * (1 - a[t]!);
  },
  formula: { f: 'σ(z) = 1 / (1 + e^(−z))', df: "σ'(z) = σ(z)·(1 − σ(z))" },
};

const tanhActivation: Activation = {
  name: 'tanh',
  apply(z, a) {
    for (let t = 0; t < z.length; t++) a[t] = Math.tanh(z[t]!);
  },
  derivative(_z, a, out) {
    for (let t = 0; t < a.length; t++) out[t] = 1 - a[t]! * a[t]!;
  },
  formula: { f: 'tanh(z)', df: "tanh'(z) = 1 − tanh²(z)" },
};

const reluActivation: Activation = {
  name: 'relu',
  apply(z, a) {
    for (let t = 0; t < z.length; t++) a[t] = z[t]! > 0 ? z[t]! : 0;
  },
  derivative(z, _a, out) {
    for (let t = 0; t < z.length; t++) out[t] = z[t]! > 0 ? 1 : 0;
  },
  formula: { f: 'max(0, z)', df: "1 if z > 0, else 0" },
};

const leakyReluActivation: Activation = {
  name: 'leaky-relu',
  apply(z, a) {
    for (let t = 0; t < z.length; t++) a[t] = z[t]! > 0 ? z[t]! : LEAKY_RELU_SLOPE * z[t]!;
  },
  derivative(z, _a, out) {
    for (let t = 0; t < z.length; t++) out[t] = z[t]! > 0 ? 1 : LEAKY_RELU_SLOPE;
  },
  formula: { f: 'z if z > 0, else 0.01·z', df: "1 if z > 0, else 0.01" },
};

const identityActivation: Activation = {
  name: 'identity',
  apply(z, a) {
    if (a !== z) a.set(z);
  },
  derivative(_z, _a, out) {
    out.fill(1);
  },
  formula: { f: 'z', df: '1' },
};

const BY_NAME: Record<ActivationName, Activation> = {
  sigmoid: sigmoidActivation,
  tanh: tanhActivation,
  relu: reluActivation,
  'leaky-relu': leakyReluActivation,
  identity: identityActivation,
};

export function activation(name: ActivationName): Activation {
  return BY_NAME[name];
}
