/**
 * The activations, one file each in core/activations/ (f, f', kinks, formulas, NumPy; see
 * activation.ts), and this list of them. Adding one: its file, and an entry in ACTIVATION_LIST.
 */
import type { Activation } from './activation.ts';
import { identityActivation } from './activations/identity.ts';
import { leakyReluActivation } from './activations/leaky-relu.ts';
import { reluActivation } from './activations/relu.ts';
import { sigmoidActivation } from './activations/sigmoid.ts';
import { tanhActivation } from './activations/tanh.ts';

export type { Activation };
export { LEAKY_RELU_SLOPE } from './activations/leaky-relu.ts';
export { sigmoid } from './activations/sigmoid.ts';

const ACTIVATION_LIST = [sigmoidActivation, tanhActivation, reluActivation, leakyReluActivation, identityActivation] as const;

export type ActivationName = (typeof ACTIVATION_LIST)[number]['name'];

const BY_NAME = new Map<string, Activation>(ACTIVATION_LIST.map((a) => [a.name, a]));
const NAMES: ActivationName[] = ACTIVATION_LIST.map((a) => a.name);

/** Every activation's name, in the list's order (what the validator accepts). */
export const ACTIVATIONS: readonly ActivationName[] = NAMES;

export function activation(name: ActivationName): Activation {
  const a = BY_NAME.get(name);
  if (a === undefined) throw new Error(`unknown activation ${JSON.stringify(name)}`);
  return a;
}

/**
 * Adds an activation at run time, for a test that shows what picks a new one up (the list
 * above is where the lab's own are added). Its name is then valid wherever a name is.
 */
export function registerActivation(a: Activation): ActivationName {
  if (BY_NAME.has(a.name)) throw new Error(`activation ${JSON.stringify(a.name)} exists`);
  BY_NAME.set(a.name, a);
  NAMES.push(a.name as ActivationName);
  return a.name as ActivationName;
}

/** Which side of each kink z lies on: the number of kinks below z (0 for a smooth f). */
export function kinkRegion(kinks: readonly number[], z: number): number {
  let r = 0;
  for (const k of kinks) if (z > k) r++;
  return r;
}
