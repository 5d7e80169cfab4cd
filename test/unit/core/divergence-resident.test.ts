/**
 * Divergence on a 784-50-10 ReLU (and sigmoid, tanh)/softmax network, whose step runs on the WebAssembly kernels
 * in its resident memory (the fused checks of z, the loss, δ and ∂L/∂b, max |∂L/∂W|): each
 * quantity made the first to go non-finite is the one reported, with the fast paths on and
 * off, and the weights are kept. The numbers are worked out in the comments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useFastPaths } from '../../../src/core/fast-paths.ts';
import type { Network } from '../../../src/core/network.ts';
import type { Batch } from '../../../src/core/passes.ts';
import type { Hyperparameters } from '../../../src/core/spec.ts';
import { zeros } from '../../../src/core/tensor.ts';
import { Trainer, type Divergence } from '../../../src/core/trainer.ts';
import { arenaOf } from '../../../src/core/wasm/memory.ts';
import { bits } from './helpers.ts';

const SGD: Hyperparameters = { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } };
const M = 100;

/**
 * W¹ = 0 and b¹ = hidden bias, so z¹ = b¹ for every sample whatever x is; W² has +w in column
 * `high` and −w in column `target` (0 elsewhere), every target is class `target`.
 */
function setup(x: number, hiddenBias: number, w: number, activation: 'relu' | 'sigmoid' | 'tanh' = 'relu', high = 0, target = 1): { net: Network; batch: Batch } {
  const W2 = zeros(50, 10);
  for (let k = 0; k < 50; k++) {
    W2.data[k * 10 + high] = w;
    W2.data[k * 10 + target] = -w;
  }
  const net: Network = {
    spec: { layers: [{ units: 784 }, { units: 50, activation }, { units: 10, activation: 'identity' }], loss: 'softmax-cross-entropy' },
    params: [
      { W: zeros(784, 50), b: new Float64Array(50).fill(hiddenBias) },
      { W: W2, b: new Float64Array(10) },
    ],
  };
  const xs = zeros(M, 784);
  for (let s = 0; s < xs.data.length; s += 4) xs.data[s] = x;
  const t = zeros(M, 10);
  for (let i = 0; i < M; i++) t.data[i * 10 + target] = 1;
  return { net, batch: { x: xs, t } };
}

const CASES: { name: string; net: Network; batch: Batch; expected: Divergence }[] = [
  {
    // a¹ = 1, z² = ±50·3e306 = ±1.5e308 (finite); L = −(z_target − log Σ e^(z − max) − max)
    // = 1.5e308 + 1.5e308 = ∞
    name: 'the loss',
    ...setup(1, 1, 3e306),
    expected: { phase: { kind: 'loss' }, quantity: 'loss', layer: null },
  },
  {
    // z¹ = −1, a¹ = 0, so z² = 0 and δ² = 0.1 − t. W² with ±1.7e308 in columns 0 and 1 and
    // 1.7e308 elsewhere (below): (δ²·W²ᵀ)_k overflows to ∞, and ∞ · ReLU′(−1) = ∞ · 0 = NaN
    name: 'δ in backward 1',
    ...(() => {
      const s = setup(1, -1, 1.7e308);
      for (let k = 0; k < 50; k++) for (let j = 2; j < 10; j++) s.net.params[1]!.W.data[k * 10 + j] = 1.7e308;
      return s;
    })(),
    expected: { phase: { kind: 'backward', layer: 1 }, quantity: 'delta', layer: 1 },
  },
  {
    // a¹ = 1, z² = ±5e11: y is one-hot on column 0, δ² = (1, −1, 0, …), δ¹ = 1e10 + 1e10 = 2e10
    // (finite, so is ∂L/∂b¹); ∂L/∂W¹ sums x·δ¹ = 1e300 · 2e10 = ∞
    name: '∂L/∂W in backward 1',
    ...setup(1e300, 1, 1e10),
    expected: { phase: { kind: 'backward', layer: 1 }, quantity: 'dW', layer: 1 },
  },
  {
    // a¹ = 1e-10, z² = ±50·1e-10·5e306 = ±2.5e298: δ² = (1, −1, 0, …), δ¹ = 1e307 (finite);
    // ∂L/∂W¹ = (1/m)·Σ 1e-10 · 1e307 is finite, ∂L/∂b¹ sums 100 · 1e307 = ∞ before the 1/m
    name: '∂L/∂b in backward 1',
    ...setup(1e-10, 1e-10, 5e306),
    expected: { phase: { kind: 'backward', layer: 1 }, quantity: 'db', layer: 1 },
  },
  {
    // sigmoid hidden layer: W¹ row 0 = 1.7e308 and x₀ = 1, b¹ = 1.7e308: z¹ = 3.4e308 = ∞
    name: 'z in forward 1 (sigmoid)',
    ...(() => {
      const s = setup(1, 1.7e308, 1, 'sigmoid');
      s.net.params[0]!.W.data.fill(1.7e308, 0, 50);
      return s;
    })(),
    expected: { phase: { kind: 'forward', layer: 1 }, quantity: 'z', layer: 1 },
  },
  {
    // tanh hidden layer: z¹ = 0, a¹ = 0, z² = 0, δ² = 0.1 − t; (δ²·W²ᵀ)_k overflows as in
    // "δ in backward 1", and ∞ · tanh′(0) = ∞ · (1 − 0²) = ∞
    name: 'δ in backward 1 (tanh)',
    ...(() => {
      const s = setup(1, 0, 1.7e308, 'tanh');
      for (let k = 0; k < 50; k++) for (let j = 2; j < 10; j++) s.net.params[1]!.W.data[k * 10 + j] = 1.7e308;
      return s;
    })(),
    expected: { phase: { kind: 'backward', layer: 1 }, quantity: 'delta', layer: 1 },
  },
];

describe('divergence through the resident kernels', () => {
  afterEach(() => useFastPaths(true));

  it.each(CASES.flatMap((c) => [true, false].map((fast) => [c.name, fast, c] as const)))('%s (fast paths on: %s)', (_name, fast, { net, batch, expected }) => {
    useFastPaths(fast);
    const trainer = new Trainer(net, SGD);
    const before = bits(net.params.flatMap((p) => [...p.W.data, ...p.b]));
    const r = trainer.step(batch);
    expect(r.divergence).toEqual(expected);
    expect(r.applied).toBe(false);
    expect(arenaOf(trainer.params[0]!.W.data) !== null).toBe(fast);
    expect(bits(trainer.params.flatMap((p) => [...p.W.data, ...p.b]))).toEqual(before);
  });
});
