/**
 * Whole training steps with the fast paths (WebAssembly kernels, the small layers' loops) on and
 * off: the weights must stay bit-identical step after step. A wrong kernel (a dropped bias, a
 * scaled gradient) shows here even when it is only reached from inside Trainer.step.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVATIONS, type ActivationName } from '../../../src/core/activations.ts';
import { actCode } from '../../../src/core/fused.ts';
import { SMALL_LAYER_WORK } from '../../../src/core/small-layers.ts';
import { createNetwork, type Network } from '../../../src/core/network.ts';
import type { Batch } from '../../../src/core/passes.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { Hyperparameters, LossName } from '../../../src/core/spec.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { useFastPaths } from '../../../src/core/fast-paths.ts';
import { wasmKernels } from '../../../src/core/wasm/kernel.ts';
import { Arena } from '../../../src/core/wasm/memory.ts';
import { bits, buildNetwork, digitLikeBatch, randomBatch } from './helpers.ts';

const SGD: Hyperparameters = { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } };
const MOMENTUM_L2: Hyperparameters = { learningRate: 0.05, optimizer: { kind: 'momentum', momentum: 0.9 }, regularization: { kind: 'l2', lambda: 0.001 } };

/** Every weight's bits after each step. */
function weightsAfter(net: Network, hyper: Hyperparameters, batches: readonly Batch[], fast: boolean): bigint[][] {
  useFastPaths(fast);
  const trainer = new Trainer(net, hyper);
  const after: bigint[][] = [];
  for (const b of batches) {
    expect(trainer.step(b).applied).toBe(true);
    after.push(bits(trainer.params.flatMap((p) => [...p.W.data, ...p.b])));
  }
  return after;
}

/** The first step and weight where two runs differ, or null: a short message instead of a 40 000-entry diff. */
function firstDifference(a: bigint[][], b: bigint[][]): string | null {
  for (let s = 0; s < a.length; s++) {
    const i = a[s]!.findIndex((v, k) => v !== b[s]![k]);
    if (i >= 0) return `after step ${s + 1}, weight ${i} of ${a[s]!.length}`;
  }
  return null;
}

const ACTIVATION_BY_CODE = Object.fromEntries(ACTIVATIONS.map((name) => [actCode(name), name]));

const KERNELS = ['rowLists', 'multiply', 'transposedProduct', 'maxAbs', 'sgdStep'] as const;
/** The elementwise kernels, which run only on resident memory. */
const ELEMENTWISE = ['activateChecked', 'timesDerivativeChecked', 'softmaxCrossEntropy', 'softmaxDeltaChecked', 'columnSums'] as const;

/**
 * Calls of each WebAssembly kernel while fn runs: those that ran on a trainer's resident memory
 * (named as they are), those that copied their operands in and out ("copying NAME"), and the
 * elementwise ones by activation ("activateChecked tanh").
 */
function kernelCalls(fn: () => void): Record<string, number> {
  const k = wasmKernels()!;
  const spies: Record<string, { mock: { calls: unknown[] }; mockRestore(): void }> = {};
  for (const name of KERNELS) {
    spies[name] = vi.spyOn(Arena.prototype, name);
    spies[`copying ${name}`] = vi.spyOn(k, name);
  }
  for (const name of ELEMENTWISE) spies[name] = vi.spyOn(Arena.prototype, name);
  try {
    fn();
    const counts: Record<string, number> = Object.fromEntries(Object.entries(spies).map(([name, spy]) => [name, spy.mock.calls.length]));
    for (const name of ['activateChecked', 'timesDerivativeChecked']) {
      for (const call of spies[name]!.mock.calls as unknown[][]) {
        const key = `${name} ${ACTIVATION_BY_CODE[call[0] as number]}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
    }
    return counts;
  } finally {
    for (const spy of Object.values(spies)) spy.mockRestore();
  }
}

describe('784-input networks, WebAssembly kernels on and off', () => {
  afterEach(() => useFastPaths(true));

  it.each([
    ['784-50-10 relu, softmax, SGD, batch 100', [50], 'relu', 'softmax-cross-entropy', SGD, 100],
    ['784-30-10 sigmoid, squared error, momentum + L2, batch 10', [30], 'sigmoid', 'squared-error-half', MOMENTUM_L2, 10],
    ['784-64-32-10 tanh, softmax, SGD, batch 40', [64, 32], 'tanh', 'softmax-cross-entropy', SGD, 40],
    ['784-40-24-10 leaky-relu, softmax, SGD, batch 30', [40, 24], 'leaky-relu', 'softmax-cross-entropy', SGD, 30],
    ['784-33-10 identity, squared error, SGD, batch 21', [33], 'identity', 'squared-error-half', SGD, 21],
  ] as const)('%s: bit-identical weights after every step', (_name, hidden, act, loss, hyper, m) => {
    const rng = createRng(hidden.length * 100 + m);
    const spec = {
      layers: [{ units: 784 }, ...hidden.map((units) => ({ units, activation: act as ActivationName })), { units: 10, activation: 'identity' as const }],
      loss: loss as LossName,
    };
    const net = createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'standard-normal' } }, rng);
    const batches = Array.from({ length: 5 }, () => digitLikeBatch(m, rng));
    let withKernels: bigint[][] = [];
    const calls = kernelCalls(() => {
      withKernels = weightsAfter(net, hyper, batches, true);
    });
    // The kernels did the large products (so this compares them, not TypeScript with itself).
    expect(calls['rowLists']).toBeGreaterThan(0);
    expect(calls['multiply']).toBeGreaterThan(0);
    expect(calls['transposedProduct']).toBeGreaterThan(0);
    if (hyper.optimizer.kind === 'sgd') expect(calls['sgdStep']).toBeGreaterThan(0);
    // on the trainer's resident memory: nothing was copied in or out
    for (const name of KERNELS) expect(calls[`copying ${name}`]).toBe(0);
    // the elementwise passes in WebAssembly too: ∂L/∂b always, the others where they apply
    expect(calls['columnSums']).toBeGreaterThan(0);
    // every hidden activation, the sigmoid and tanh included, in WebAssembly; f′⊙δ there too
    // unless the layer above is small (its direct loops fold f′ into δ: 784-30-10 at batch 10)
    expect(calls[`activateChecked ${act}`]).toBeGreaterThan(0);
    if (hidden.some((h, i) => m * h * (hidden[i + 1] ?? 10) > SMALL_LAYER_WORK)) expect(calls[`timesDerivativeChecked ${act}`]).toBeGreaterThan(0);
    if (loss === 'softmax-cross-entropy') {
      expect(calls['softmaxCrossEntropy']).toBeGreaterThan(0);
      expect(calls['softmaxDeltaChecked']).toBeGreaterThan(0);
    }
    const offCalls = kernelCalls(() => {
      expect(firstDifference(weightsAfter(net, hyper, batches, false), withKernels)).toBeNull();
    });
    expect(Object.values(offCalls).every((n) => n === 0)).toBe(true);
    // and the weights did move
    expect(withKernels[4]).not.toEqual(withKernels[0]);
  });
});

describe('small networks, fast paths on and off', () => {
  afterEach(() => useFastPaths(true));

  const shapes: [string, number, number[], number, ActivationName, LossName, number][] = [
    ['2-8×6-1 tanh spiral, binary cross-entropy, batch 10', 2, [8, 8, 8, 8, 8, 8], 1, 'tanh', 'sigmoid-binary-cross-entropy', 10],
    ['2-4-1 tanh planar, batch 400', 2, [4], 1, 'tanh', 'sigmoid-binary-cross-entropy', 400],
    ['1-32-1 relu regression, squared error, batch 16', 1, [32], 1, 'relu', 'squared-error-half', 16],
    ['3-7-5-4 leaky-relu, softmax, batch 9', 3, [7, 5], 4, 'leaky-relu', 'softmax-cross-entropy', 9],
    ['5-9-3 sigmoid, mean squared error, batch 1', 5, [9], 3, 'sigmoid', 'mean-squared-error', 1],
    ['4-16-2 identity, squared error, batch 33', 4, [16], 2, 'identity', 'squared-error-half', 33],
  ];

  it.each(shapes)('%s: bit-identical weights after every step', (_name, inputs, hidden, outputs, act, loss, m) => {
    const rng = createRng(inputs * 31 + hidden.length * 7 + m);
    const net = buildNetwork({ inputs, hidden, outputs, hiddenActivation: act, outputActivation: 'sigmoid', loss }, rng);
    const batches = Array.from({ length: 6 }, () => randomBatch(inputs, outputs, loss, m, rng));
    for (const b of batches) for (let s = 0; s < b.x.data.length; s += 3) b.x.data[s] = 0; // zeros, as ReLU inputs have
    for (const hyper of [SGD, MOMENTUM_L2]) {
      const fast = weightsAfter(net, hyper, batches, true);
      expect(firstDifference(weightsAfter(net, hyper, batches, false), fast)).toBeNull();
      expect(fast[5]).not.toEqual(fast[0]);
    }
  });
});
