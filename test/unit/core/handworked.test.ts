/**
 * Tiny networks whose every number is worked out by hand, independently of the core.
 */
import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/core/network.ts';
import { fromRows, toRows } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';

const sig = (z: number) => 1 / (1 + Math.exp(-z));

describe('the 2-2-2 sigmoid network of the well-known step-by-step backpropagation example', () => {
  // Inputs 0.05, 0.10; targets 0.01, 0.99; biases 0.35 (hidden) and 0.60 (output);
  // weights w1..w8 = 0.15 … 0.55; η = 0.5; E = Σ ½(t − o)². Published results (to 9 digits):
  // E = 0.298371109, w5⁺ = 0.35891648, w1⁺ = 0.149780716 (the example leaves biases alone,
  // so here only the weights are compared to it).
  // Our W[i][j] is from unit i below to unit j above: W1 = [[w1, w3], [w2, w4]], W2 = [[w5, w7], [w6, w8]].
  const net: Network = {
    spec: {
      layers: [{ units: 2 }, { units: 2, activation: 'sigmoid' }, { units: 2, activation: 'sigmoid' }],
      loss: 'squared-error-half',
    },
    params: [
      { W: fromRows([[0.15, 0.25], [0.2, 0.3]]), b: Float64Array.of(0.35, 0.35) },
      { W: fromRows([[0.4, 0.5], [0.45, 0.55]]), b: Float64Array.of(0.6, 0.6) },
    ],
  };
  const batch = { x: fromRows([[0.05, 0.1]]), t: fromRows([[0.01, 0.99]]) };

  it('reproduces the forward pass, the error, and the updated weights', () => {
    const trainer = new Trainer(net, { learningRate: 0.5, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });
    const { trace } = trainer.step(batch, { trace: true });
    const [h, o] = trace!.layers;
    expect(h!.z!.data[0]).toBeCloseTo(0.3775, 12);
    expect(h!.a!.data[0]).toBeCloseTo(0.593269992, 9);
    expect(h!.a!.data[1]).toBeCloseTo(0.596884378, 9);
    expect(o!.z!.data[0]).toBeCloseTo(1.105905967, 9);
    expect(o!.a!.data[0]).toBeCloseTo(0.75136507, 8);
    expect(o!.a!.data[1]).toBeCloseTo(0.772928465, 9);
    expect(trace!.loss!.total).toBeCloseTo(0.298371109, 9);
    const [W1, W2] = trainer.params.map((p) => toRows(p.W));
    expect(W2![0]![0]).toBeCloseTo(0.35891648, 8); // w5
    expect(W2![1]![0]).toBeCloseTo(0.408666186, 9); // w6
    expect(W2![0]![1]).toBeCloseTo(0.51130127, 8); // w7
    expect(W2![1]![1]).toBeCloseTo(0.561370121, 9); // w8
    expect(W1![0]![0]).toBeCloseTo(0.149780716, 9); // w1
    expect(W1![1]![0]).toBeCloseTo(0.19956143, 8); // w2
    expect(W1![0]![1]).toBeCloseTo(0.24975114, 8); // w3
    expect(W1![1]![1]).toBeCloseTo(0.29950229, 8); // w4
  });
});

describe('a 2-2-1 sigmoid network, one step by hand', () => {
  // x = (1, 2), t = 1, W1 = [[0.1, −0.2], [0.3, 0.4]], b1 = (0, 0.1), W2 = [[0.5], [−0.6]], b2 = 0.2
  const x1 = 1;
  const x2 = 2;
  const z1 = [0.1 * x1 + 0.3 * x2 + 0, -0.2 * x1 + 0.4 * x2 + 0.1]; // [0.7, 0.7]
  const a1 = z1.map(sig);
  const z2 = 0.5 * a1[0]! - 0.6 * a1[1]! + 0.2;
  const y = sig(z2);
  const loss = 0.5 * (y - 1) ** 2;
  const delta2 = (y - 1) * y * (1 - y); // (y − t)·σ'(z²)
  const delta1 = [0.5 * delta2 * a1[0]! * (1 - a1[0]!), -0.6 * delta2 * a1[1]! * (1 - a1[1]!)]; // (W² δ²) ⊙ σ'(z¹)
  const dW2 = [[a1[0]! * delta2], [a1[1]! * delta2]];
  const dW1 = [
    [x1 * delta1[0]!, x1 * delta1[1]!],
    [x2 * delta1[0]!, x2 * delta1[1]!],
  ];

  const net: Network = {
    spec: {
      layers: [{ units: 2 }, { units: 2, activation: 'sigmoid' }, { units: 1, activation: 'sigmoid' }],
      loss: 'squared-error-half',
    },
    params: [
      { W: fromRows([[0.1, -0.2], [0.3, 0.4]]), b: Float64Array.of(0, 0.1) },
      { W: fromRows([[0.5], [-0.6]]), b: Float64Array.of(0.2) },
    ],
  };
  const batch = { x: fromRows([[x1, x2]]), t: fromRows([[1]]) };
  const sgd = (lr: number) => ({ learningRate: lr, optimizer: { kind: 'sgd' as const }, regularization: { kind: 'none' as const, lambda: 0 } });

  it('forward, deltas, gradients and the SGD update', () => {
    const trainer = new Trainer(net, sgd(0.5));
    const { trace, loss: l } = trainer.step(batch, { trace: true });
    const [h, o] = trace!.layers;
    expect(Array.from(h!.z!.data)).toEqual(z1.map((v) => expect.closeTo(v, 15)));
    expect(o!.a!.data[0]).toBeCloseTo(y, 15);
    expect(l.total).toBeCloseTo(loss, 15);
    expect(o!.delta!.data[0]).toBeCloseTo(delta2, 15);
    expect(h!.delta!.data[0]).toBeCloseTo(delta1[0]!, 15);
    expect(h!.delta!.data[1]).toBeCloseTo(delta1[1]!, 15);
    expect(toRows(o!.dW!)).toEqual(dW2.map((r) => r.map((v) => expect.closeTo(v, 15))));
    expect(toRows(h!.dW!)).toEqual(dW1.map((r) => r.map((v) => expect.closeTo(v, 15))));
    expect(o!.db![0]).toBeCloseTo(delta2, 15);
    expect(h!.updateW!.data[2]).toBeCloseTo(-0.5 * dW1[1]![0]!, 15);
    expect(trainer.params[0]!.W.data[2]).toBeCloseTo(0.3 - 0.5 * dW1[1]![0]!, 15);
    expect(trainer.params[1]!.b[0]).toBeCloseTo(0.2 - 0.5 * delta2, 15);
  });

  it('L2 adds λ·W to the weight gradients (not the biases) and ½·λ·ΣW² to the loss', () => {
    const lambda = 0.1;
    const trainer = new Trainer(net, { ...sgd(0.5), regularization: { kind: 'l2', lambda } });
    const { trace, loss: l } = trainer.step(batch, { trace: true });
    const sumW2 = 0.01 + 0.04 + 0.09 + 0.16 + 0.25 + 0.36;
    expect(l.data).toBeCloseTo(loss, 15);
    expect(l.penalty).toBeCloseTo(0.5 * lambda * sumW2, 15);
    expect(l.total).toBeCloseTo(loss + 0.5 * lambda * sumW2, 15);
    expect(trace!.layers[1]!.dW!.data[1]).toBeCloseTo(dW2[1]![0]! + lambda * -0.6, 15);
    expect(trace!.layers[1]!.db![0]).toBeCloseTo(delta2, 15);
  });

  it('L1 adds λ·sign(W) to the weight gradients and λ·Σ|W| to the loss', () => {
    const lambda = 0.1;
    const trainer = new Trainer(net, { ...sgd(0.5), regularization: { kind: 'l1', lambda } });
    const { trace, loss: l } = trainer.step(batch, { trace: true });
    expect(l.penalty).toBeCloseTo(lambda * 2.1, 15);
    expect(trace!.layers[0]!.dW!.data[1]).toBeCloseTo(dW1[0]![1]! - lambda, 15);
  });

  it('momentum: v ← μ·v − η·g; w ← w + v, over two steps', () => {
    const trainer = new Trainer(net, { learningRate: 0.5, optimizer: { kind: 'momentum', momentum: 0.9 }, regularization: { kind: 'none', lambda: 0 } });
    const first = trainer.step(batch, { trace: true }).trace!;
    const g1 = first.layers[1]!.dW!.data[0]!;
    expect(first.layers[1]!.updateW!.data[0]).toBeCloseTo(-0.5 * g1, 15);
    const second = trainer.step(batch, { trace: true }).trace!;
    const g2 = second.layers[1]!.dW!.data[0]!;
    const v2 = 0.9 * (-0.5 * g1) - 0.5 * g2;
    expect(second.layers[1]!.updateW!.data[0]).toBeCloseTo(v2, 15);
    expect(trainer.params[1]!.W.data[0]).toBeCloseTo(0.5 - 0.5 * g1 + v2, 15);
  });

  it('Adam: bias-corrected moments; the first step moves each weight by about η', () => {
    const b1 = 0.9;
    const b2 = 0.999;
    const eps = 1e-8;
    const trainer = new Trainer(net, { learningRate: 0.01, optimizer: { kind: 'adam', beta1: b1, beta2: b2, epsilon: eps }, regularization: { kind: 'none', lambda: 0 } });
    const first = trainer.step(batch, { trace: true }).trace!;
    const g1 = first.layers[1]!.dW!.data[0]!;
    // m̂ = g, v̂ = g² at t = 1, so Δ = −η·g/(|g| + ε)
    expect(first.layers[1]!.updateW!.data[0]).toBeCloseTo((-0.01 * g1) / (Math.abs(g1) + eps), 15);
    const second = trainer.step(batch, { trace: true }).trace!;
    const g2 = second.layers[1]!.dW!.data[0]!;
    const m = b1 * (1 - b1) * g1 + (1 - b1) * g2;
    const v = b2 * (1 - b2) * g1 * g1 + (1 - b2) * g2 * g2;
    const expected = (-0.01 * (m / (1 - b1 ** 2))) / (Math.sqrt(v / (1 - b2 ** 2)) + eps);
    expect(second.layers[1]!.updateW!.data[0]).toBeCloseTo(expected, 15);
  });
});
