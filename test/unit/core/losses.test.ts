import { describe, expect, it } from 'vitest';
import { activation } from '../../../src/core/activations.ts';
import { loss } from '../../../src/core/losses.ts';
import { fromRows, zeros } from '../../../src/core/tensor.ts';

function run(name: Parameters<typeof loss>[0], zRows: number[][], tRows: number[][], act: Parameters<typeof activation>[0] = 'identity') {
  const f = activation(act);
  const z = fromRows(zRows);
  const a = zeros(z.rows, z.cols);
  f.apply(z.data, a.data);
  const y = zeros(z.rows, z.cols);
  const t = fromRows(tRows);
  const L = loss(name);
  L.predict(z, a, y);
  const per = new Float64Array(z.rows);
  L.perSample(z, y, t, per);
  const delta = zeros(z.rows, z.cols);
  L.outputDelta(z, a, y, t, f, new Float64Array(z.data.length), delta);
  return { y: Array.from(y.data), per: Array.from(per), delta: Array.from(delta.data) };
}

describe('losses', () => {
  it('softmax + cross-entropy: y = softmax(z), L = −log y_target, δ = y − t', () => {
    const { y, per, delta } = run('softmax-cross-entropy', [[1, 2, 3]], [[0, 0, 1]]);
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const s = e[0]! + e[1]! + e[2]!;
    expect(y).toEqual(e.map((v) => expect.closeTo(v / s, 15)));
    expect(per[0]).toBeCloseTo(-Math.log(e[2]! / s), 14);
    expect(delta).toEqual([e[0]! / s, e[1]! / s, e[2]! / s - 1].map((v) => expect.closeTo(v, 15)));
  });

  it('softmax is stable for huge logits', () => {
    const { y, per } = run('softmax-cross-entropy', [[1000, 0]], [[0, 1]]);
    expect(y[0]).toBe(1);
    expect(per[0]).toBeCloseTo(1000, 10); // −log softmax = 1000 exactly in the limit, not Infinity
  });

  it('sigmoid + binary cross-entropy: stable form, δ = σ(z) − t', () => {
    const { y, per, delta } = run('sigmoid-binary-cross-entropy', [[0.3], [-800]], [[1], [1]]);
    const s = 1 / (1 + Math.exp(-0.3));
    expect(y[0]).toBeCloseTo(s, 15);
    expect(per[0]).toBeCloseTo(-Math.log(s), 15);
    expect(per[1]).toBeCloseTo(800, 10); // −log σ(−800) = 800, finite
    expect(delta[0]).toBeCloseTo(s - 1, 15);
  });

  it('squared-error-half: L = ½Σ(y − t)², δ = (y − t)·f′(z)', () => {
    const { per, delta } = run('squared-error-half', [[0.5, -1]], [[1, 1]], 'sigmoid');
    const y0 = 1 / (1 + Math.exp(-0.5));
    const y1 = 1 / (1 + Math.exp(1));
    expect(per[0]).toBeCloseTo(0.5 * ((y0 - 1) ** 2 + (y1 - 1) ** 2), 15);
    expect(delta[0]).toBeCloseTo((y0 - 1) * y0 * (1 - y0), 15);
  });

  it('mean-squared-error: L = (1/k)Σ(y − t)², δ = (2/k)(y − t)·f′(z)', () => {
    const { per, delta } = run('mean-squared-error', [[3, -1]], [[1, 1]]);
    expect(per[0]).toBe((4 + 4) / 2);
    expect(delta).toEqual([2, -2]);
  });
});
