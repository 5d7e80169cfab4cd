/** Shared builders for core tests: small random networks and batches from a seed. */
import { expect } from 'vitest';
import type { ActivationName } from '../../../src/core/activations.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { createNetwork, type Network } from '../../../src/core/network.ts';
import type { Batch } from '../../../src/core/passes.ts';
import { createRng, gaussian, uniform, uniformInt, type Rng } from '../../../src/core/rng.ts';
import type { InitConfig, LossName } from '../../../src/core/spec.ts';
import { zeros } from '../../../src/core/tensor.ts';

export interface SmallNetShape {
  inputs: number;
  hidden: number[];
  outputs: number;
  hiddenActivation: ActivationName;
  outputActivation: ActivationName;
  loss: LossName;
}

export const XAVIER_NORMAL_BIASES: InitConfig = { weights: { kind: 'xavier' }, biases: { kind: 'standard-normal' } };

export function buildNetwork(shape: SmallNetShape, rng: Rng, init: InitConfig = XAVIER_NORMAL_BIASES): Network {
  const outputActivation = shape.loss.includes('cross-entropy') ? 'identity' : shape.outputActivation;
  return createNetwork(
    {
      layers: [
        { units: shape.inputs },
        ...shape.hidden.map((units) => ({ units, activation: shape.hiddenActivation })),
        { units: shape.outputs, activation: outputActivation },
      ],
      loss: shape.loss,
    },
    init,
    rng,
  );
}

/** Gaussian inputs and targets of the kind the loss expects. */
export function randomBatch(inputs: number, outputs: number, loss: LossName, m: number, rng: Rng): Batch {
  const x = zeros(m, inputs);
  for (let s = 0; s < x.data.length; s++) x.data[s] = gaussian(rng);
  const t = zeros(m, outputs);
  for (let i = 0; i < m; i++) {
    if (loss === 'softmax-cross-entropy') t.data[i * outputs + uniformInt(rng, outputs)] = 1;
    else if (loss === 'sigmoid-binary-cross-entropy') for (let j = 0; j < outputs; j++) t.data[i * outputs + j] = uniformInt(rng, 2);
    else for (let j = 0; j < outputs; j++) t.data[i * outputs + j] = gaussian(rng);
  }
  return { x, t };
}

/** A fixed mid-sized network and batch for determinism tests. */
export function fixture(seed = 11, loss: LossName = 'softmax-cross-entropy', hiddenActivation: ActivationName = 'relu') {
  const rng = createRng(seed);
  const net = buildNetwork({ inputs: 6, hidden: [8, 5], outputs: 3, hiddenActivation, outputActivation: 'sigmoid', loss }, rng);
  const batches = Array.from({ length: 40 }, () => randomBatch(6, 3, loss, 1 + uniformInt(rng, 7), rng));
  return { net, batches };
}

/** The exact bit patterns of numbers, so equality means bit-identical (−0 ≠ 0, NaN = NaN). */
export function bits(xs: ArrayLike<number>): bigint[] {
  return Array.from(new BigUint64Array(Float64Array.from(xs).buffer));
}

/** The field a ConfigError names; fails the test when fn throws anything else or nothing. */
export function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).field;
  }
  throw new Error('expected a ConfigError');
}

/** Pixels as MNIST has them: about 80 % zeros, the rest byte / 255, and one-hot targets of 10 classes. */
export function digitLikeBatch(m: number, rng: Rng, classes = 10): Batch {
  const x = zeros(m, 784);
  for (let s = 0; s < x.data.length; s++) if (uniform(rng) < 0.2) x.data[s] = (1 + uniformInt(rng, 255)) / 255;
  const t = zeros(m, classes);
  for (let i = 0; i < m; i++) t.data[i * classes + uniformInt(rng, classes)] = 1;
  return { x, t };
}


/** The first index where two arrays differ bit for bit (or their lengths), or −1: a short failure for long arrays. */
export function firstBitDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = bits(a);
  const y = bits(b);
  if (x.length !== y.length) return Math.min(x.length, y.length);
  return x.findIndex((v, i) => v !== y[i]);
}
