/**
 * Elementwise passes fused with their finiteness checks: a = f(z) while checking z, and
 * δ ← δ ⊙ f′(z) while checking δ, one pass each where there were two or three. The activation
 * is a small integer (Act) so that one loop serves every activation, and f and f′ are
 * computed exactly as activations.ts computes them, so the numbers are the same bit for bit.
 * A sum of x·0 tells finiteness without a branch: x·0 is NaN exactly when x is NaN or ±∞.
 */
import { LEAKY_RELU_SLOPE, sigmoid, type ActivationName } from './activations.ts';
import { arenaOf } from './wasm/memory.ts';

export type Act = 0 | 1 | 2 | 3 | 4;
const SIGMOID = 0;
const TANH = 1;
const RELU = 2;
const LEAKY_RELU = 3;

const CODES: Record<ActivationName, Act> = { sigmoid: SIGMOID, tanh: TANH, relu: RELU, 'leaky-relu': LEAKY_RELU, identity: 4 };

export function actCode(name: ActivationName): Act {
  return CODES[name];
}

/** f(z), as activations.ts computes it. */
export function f(act: Act, z: number): number {
  if (act === TANH) return Math.tanh(z);
  if (act === RELU) return z > 0 ? z : 0;
  if (act === SIGMOID) return sigmoid(z);
  if (act === LEAKY_RELU) return z > 0 ? z : LEAKY_RELU_SLOPE * z;
  return z;
}

/** f′(z) given a = f(z), as activations.ts computes it. */
export function fPrime(act: Act, z: number, a: number): number {
  if (act === TANH) return 1 - a * a;
  if (act === RELU) return z > 0 ? 1 : 0;
  if (act === SIGMOID) return a * (1 - a);
  if (act === LEAKY_RELU) return z > 0 ? 1 : LEAKY_RELU_SLOPE;
  return 1;
}

/**
 * a = f(z) entry by entry; true when every z is finite. In a trainer's arena this runs in
 * WebAssembly (wasm/elementwise.wat, with Math.exp and Math.tanh imported for the sigmoid and
 * tanh), which gives the same bits: this loop is its twin.
 */
export function activateChecked(act: Act, z: Float64Array, a: Float64Array): boolean {
  const finite = arenaOf(z)?.activateChecked(act, z, a);
  if (finite != null) return finite;
  let guard = 0;
  const n = z.length;
  for (let s = 0; s < n; s++) {
    const v = z[s]!;
    a[s] = f(act, v);
    guard += v * 0;
  }
  return guard === 0;
}

/** δ ← δ ⊙ f′(z) entry by entry, with a = f(z); true when every new δ is finite. In an arena as above. */
export function timesDerivativeChecked(act: Act, z: Float64Array, a: Float64Array, delta: Float64Array): boolean {
  const finite = arenaOf(z)?.timesDerivativeChecked(act, z, a, delta);
  if (finite != null) return finite;
  let guard = 0;
  const n = delta.length;
  for (let s = 0; s < n; s++) {
    const d = delta[s]! * fPrime(act, z[s]!, a[s]!);
    delta[s] = d;
    guard += d * 0;
  }
  return guard === 0;
}
