import { describe, expect, it } from 'vitest';
import { cloneNetwork, createNetwork, parameterCount } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { NetworkSpec } from '../../../src/core/spec.ts';

const spec: NetworkSpec = {
  layers: [{ units: 784 }, { units: 100, activation: 'relu' }, { units: 10, activation: 'identity' }],
  loss: 'softmax-cross-entropy',
};

function std(xs: Float64Array): number {
  let s = 0;
  let q = 0;
  for (const v of xs) {
    s += v;
    q += v * v;
  }
  const mean = s / xs.length;
  return Math.sqrt(q / xs.length - mean * mean);
}

describe('createNetwork', () => {
  it('has the shapes of the spec and counts its parameters', () => {
    const net = createNetwork(spec, { weights: { kind: 'gaussian', std: 0.01 }, biases: { kind: 'zero' } }, createRng(0));
    expect(net.params.map((p) => [p.W.rows, p.W.cols, p.b.length])).toEqual([
      [784, 100, 100],
      [100, 10, 10],
    ]);
    expect(parameterCount(spec)).toBe(785 * 100 + 101 * 10);
  });

  it.each([
    [{ kind: 'gaussian', std: 0.01 } as const, 0.01, 0.01],
    [{ kind: 'standard-normal' } as const, 1, 1],
    [{ kind: 'xavier' } as const, Math.sqrt(2 / 884), Math.sqrt(2 / 110)],
    [{ kind: 'he' } as const, Math.sqrt(2 / 784), Math.sqrt(2 / 100)],
  ])('weights %o have the documented standard deviation', (weights, std1, std2) => {
    const net = createNetwork(spec, { weights, biases: { kind: 'zero' } }, createRng(1));
    expect(std(net.params[0]!.W.data) / std1).toBeCloseTo(1, 1);
    expect(std(net.params[1]!.W.data) / std2).toBeCloseTo(1, 1);
    expect(Array.from(net.params[0]!.b).every((b) => b === 0)).toBe(true);
  });

  it('biases: constant and standard normal', () => {
    const c = createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'constant', value: 0.1 } }, createRng(2));
    expect(Array.from(c.params[1]!.b)).toEqual(new Array(10).fill(0.1));
    const n = createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'standard-normal' } }, createRng(2));
    expect(std(n.params[0]!.b)).toBeCloseTo(1, 0);
  });

  it('clones deeply', () => {
    const net = createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'zero' } }, createRng(3));
    const copy = cloneNetwork(net);
    copy.params[0]!.W.data[0] = 42;
    expect(net.params[0]!.W.data[0]).not.toBe(42);
  });
});
