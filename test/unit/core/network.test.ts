import { describe, expect, it } from 'vitest';
import { cloneNetwork, createNetwork, parameterCount } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import { expectWithinStandardErrors, K_STANDARD_ERRORS, sampleStd, stdOfNormalStd } from '../stats.ts';

const spec: NetworkSpec = {
  layers: [{ units: 784 }, { units: 100, activation: 'relu' }, { units: 10, activation: 'identity' }],
  loss: 'softmax-cross-entropy',
};

describe('createNetwork', () => {
  it('has the shapes of the spec and counts its parameters', () => {
    const net = createNetwork(spec, { weights: { kind: 'gaussian', std: 0.01 }, biases: { kind: 'zero' } }, createRng(0));
    expect(net.params.map((p) => [p.W.rows, p.W.cols, p.b.length])).toEqual([
      [784, 100, 100],
      [100, 10, 10],
    ]);
    expect(parameterCount(spec)).toBe(785 * 100 + 101 * 10);
  });

  // Wide enough that K standard errors of the sample deviation (σ/√(2n)) are far below the
  // 8 % and 15 % by which Xavier's and He's deviations differ in the two layers.
  const wide: NetworkSpec = { layers: [{ units: 784 }, { units: 300, activation: 'relu' }, { units: 100, activation: 'identity' }], loss: 'softmax-cross-entropy' };
  const deviations = {
    gaussian: [0.01, 0.01],
    'standard-normal': [1, 1],
    xavier: [Math.sqrt(2 / (784 + 300)), Math.sqrt(2 / (300 + 100))],
    he: [Math.sqrt(2 / 784), Math.sqrt(2 / 300)],
  } as const;

  it.each([[{ kind: 'gaussian', std: 0.01 } as const], [{ kind: 'standard-normal' } as const], [{ kind: 'xavier' } as const], [{ kind: 'he' } as const]])(
    'weights %o have the documented standard deviation',
    (weights) => {
      const net = createNetwork(wide, { weights, biases: { kind: 'zero' } }, createRng(1));
      net.params.forEach((p, l) => {
        const sigma = deviations[weights.kind][l]!;
        expectWithinStandardErrors(sampleStd(p.W.data), sigma, stdOfNormalStd(sigma, p.W.data.length), `W${l + 1}`);
        expect(Array.from(p.b).every((b) => b === 0)).toBe(true);
      });
    },
  );

  it('tells Xavier from He: their deviations differ by more than the tolerance', () => {
    wide.layers.slice(1).forEach((layer, l) => {
      const n = wide.layers[l]!.units * layer.units;
      const gap = Math.abs(deviations.xavier[l]! - deviations.he[l]!);
      expect(gap).toBeGreaterThan(2 * K_STANDARD_ERRORS * stdOfNormalStd(deviations.he[l]!, n));
    });
  });

  it('biases: constant and standard normal', () => {
    const c = createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'constant', value: 0.1 } }, createRng(2));
    expect(Array.from(c.params[1]!.b)).toEqual(new Array(10).fill(0.1));
    // 20 networks' 1 001 biases: the mean's standard error is 1/√n, the deviation's 1/√(2n).
    const wideOne: NetworkSpec = { layers: [{ units: 1 }, { units: 1000, activation: 'relu' }, { units: 1, activation: 'identity' }], loss: 'squared-error-half' };
    const b = Float64Array.from(
      Array.from({ length: 20 }, (_, seed) => createNetwork(wideOne, { weights: { kind: 'he' }, biases: { kind: 'standard-normal' } }, createRng(seed)).params).flatMap((ps) =>
        ps.flatMap((p) => Array.from(p.b)),
      ),
    );
    expect(b).toHaveLength(20_020);
    expectWithinStandardErrors(b.reduce((s, v) => s + v, 0) / b.length, 0, 1 / Math.sqrt(b.length), 'mean of the biases');
    expectWithinStandardErrors(sampleStd(b), 1, stdOfNormalStd(1, b.length), 'deviation of the biases');
  });

  it('clones deeply', () => {
    const net = createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'zero' } }, createRng(3));
    const copy = cloneNetwork(net);
    copy.params[0]!.W.data[0] = 42;
    expect(net.params[0]!.W.data[0]).not.toBe(42);
  });
});
