import { describe, expect, it } from 'vitest';
import { backpropGradients, gradientCheck } from '../../../src/core/gradcheck.ts';
import { createRng } from '../../../src/core/rng.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { bits, buildNetwork, randomBatch } from './helpers.ts';

describe('gradientCheck', () => {
  const rng = createRng(99);
  const net = buildNetwork({ inputs: 20, hidden: [12], outputs: 4, hiddenActivation: 'tanh', outputActivation: 'identity', loss: 'softmax-cross-entropy' }, rng);
  const batch = randomBatch(20, 4, 'softmax-cross-entropy', 5, rng);
  const reg = { kind: 'l2' as const, lambda: 0.05 };

  it('reports every tensor with max abs, max rel and mean abs errors, and leaves the params untouched', () => {
    const before = bits(net.params.flatMap((p) => [...p.W.data, ...p.b]));
    const report = gradientCheck(net.spec, net.params, reg, batch);
    expect(report.tensors.map((t) => [t.name, t.size, t.indices.length])).toEqual([
      ['W1', 240, 240],
      ['b1', 12, 12],
      ['W2', 48, 48],
      ['b2', 4, 4],
    ]);
    for (const t of report.tensors) {
      expect(t.maxRelError).toBeLessThan(1e-7);
      expect(t.maxAbsError).toBeLessThan(1e-9);
      expect(t.meanAbsDiff).toBeLessThanOrEqual(t.maxAbsError);
      expect(t.relativeErrors).toHaveLength(t.indices.length);
    }
    expect(report.sampled).toBe(false);
    expect(bits(net.params.flatMap((p) => [...p.W.data, ...p.b]))).toEqual(before);
  });

  it('flags a corrupted gradient in exactly the tensor and entry that is wrong', () => {
    const grads = backpropGradients(net.spec, net.params, reg, batch);
    expect(grads[1]!.dW).toHaveLength(48);
    // One entry of ∂L/∂W2 off by 1 % of its value, as a bug in the backward pass would leave it.
    const wrongEntry = 17;
    const dW2 = new Float64Array(grads[1]!.dW);
    dW2[wrongEntry] = dW2[wrongEntry]! * 1.01;
    const analytic = grads.map((g, i) => (i === 1 ? { dW: dW2, db: g.db } : g));
    const report = gradientCheck(net.spec, net.params, reg, batch, { analytic });
    expect(report.tensors.map((t) => t.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    const [W1, b1, W2, b2] = report.tensors;
    for (const t of [W1!, b1!, b2!]) expect(t.maxRelError, t.name).toBeLessThan(1e-7);
    // |1.01·g − g| / (1.01·|g|) = 0.01 / 1.01, to the check's own 1e-7.
    expect(W2!.maxRelError).toBeCloseTo(0.01 / 1.01, 6);
    const flagged = Array.from(W2!.relativeErrors).flatMap((e, q) => (e > 1e-7 ? [W2!.indices[q]] : []));
    expect(flagged).toEqual([wrongEntry]);
    expect(report.maxRelError).toBe(W2!.maxRelError);
  });

  it('samples a seeded subset per tensor and reports progress', () => {
    const progress: number[] = [];
    const a = gradientCheck(net.spec, net.params, reg, batch, { maxEntriesPerTensor: 10, seed: 3, onProgress: (d) => progress.push(d) });
    const b = gradientCheck(net.spec, net.params, reg, batch, { maxEntriesPerTensor: 10, seed: 3 });
    expect(a.sampled).toBe(true);
    expect(a.tensors.map((t) => t.indices.length)).toEqual([10, 10, 10, 4]);
    expect(Array.from(a.tensors[0]!.indices)).toEqual(Array.from(b.tensors[0]!.indices));
    expect(new Set(a.tensors[0]!.indices).size).toBe(10);
    expect(progress).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
  });
});

describe('gradientCheck at a kink', () => {
  it('flags an entry whose perturbation flips a ReLU, and leaves it out of the figures', () => {
    // 1-1-1 ReLU net: z¹ = w·x + b with x = 1, b = −0.0005, so z¹ is 0.0005 above zero for w = 0.001;
    // perturbing w by ±h = ±0.001 crosses z¹ = 0, where the derivative does not exist.
    const net = {
      spec: { layers: [{ units: 1 }, { units: 1, activation: 'relu' as const }, { units: 1, activation: 'identity' as const }], loss: 'squared-error-half' as const },
      params: [
        { W: fromRows([[0.001]]), b: Float64Array.of(-0.0005) },
        { W: fromRows([[2]]), b: Float64Array.of(0) },
      ],
    };
    const batch = { x: fromRows([[1]]), t: fromRows([[1]]) };
    const report = gradientCheck(net.spec, net.params, { kind: 'none', lambda: 0 }, batch);
    const W1 = report.tensors[0]!;
    expect(W1.kinkCount).toBe(1);
    expect(W1.kinks[0]).toBe(1);
    expect(W1.relativeErrors[0]).toBeGreaterThan(1e-3); // the numerical derivative is meaningless there
    expect(W1.maxRelError).toBe(0); // … and not counted
    expect(report.kinkCount).toBe(2); // b¹ sits on the same kink
    expect(report.tensors[2]!.kinkCount).toBe(0);
    expect(report.tensors[2]!.maxRelError).toBeLessThan(1e-7);
  });

  it('flags an L1-penalised weight within 2h of zero', () => {
    const net = {
      spec: { layers: [{ units: 1 }, { units: 1, activation: 'identity' as const }], loss: 'squared-error-half' as const },
      params: [{ W: fromRows([[0.0005]]), b: Float64Array.of(0) }],
    };
    const report = gradientCheck(net.spec, net.params, { kind: 'l1', lambda: 0.1 }, { x: fromRows([[1]]), t: fromRows([[1]]) });
    expect(report.tensors[0]!.kinkCount).toBe(1);
    expect(report.tensors[1]!.kinkCount).toBe(0);
  });
});
