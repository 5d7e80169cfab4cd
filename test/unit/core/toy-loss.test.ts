/**
 * Adding a loss is its own file plus one list entry; everything else picks it up from what the
 * loss declares. Here a toy loss, the plain sum of squares Lᵢ = Σⱼ (yⱼ − tⱼ)² (δᴸ = 2·(y − t) ⊙
 * f′(z)), is added in this test file only, and the validator, the passes, the gradient check,
 * the formulas, the inspector's worked δᴸ and both NumPy code styles take it up.
 */
import { describe, expect, it } from 'vitest';
import type { Loss } from '../../../src/core/loss.ts';
import { loss, LOSSES, registerLoss } from '../../../src/core/losses.ts';
import { gradientCheck } from '../../../src/core/gradcheck.ts';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng, gaussian } from '../../../src/core/rng.ts';
import { validateNetworkSpec, type Hyperparameters, type NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows, toRows, zeros } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { numpyCode } from '../../../src/views/code/numpy.ts';
import { phaseFormula } from '../../../src/views/graph/formulas.ts';
import { deltaOf } from '../../../src/views/inspector/chain.ts';
import { pythonMissing, runPython } from '../code/run-python.ts';

const sumOfSquares: Loss = {
  name: 'sum-of-squares',
  output: 'activation',
  targets: 'real',
  deltaFactor: { value: () => 2, tex: () => '2', text: () => '2·' },
  formula: { loss: 'L = Σⱼ (yⱼ − tⱼ)²', delta: "δ = 2·(y − t) ⊙ f'(z)", description: 'sum of squares, L_i = Σ_j (y_j − t_j)²' },
  predict(_z, a, y) {
    y.data.set(a.data);
  },
  perSample(_z, y, t, out) {
    for (let i = 0; i < y.rows; i++) {
      let sum = 0;
      for (let j = 0; j < y.cols; j++) sum += (y.data[i * y.cols + j]! - t.data[i * y.cols + j]!) ** 2;
      out[i] = sum;
    }
  },
  outputDelta(z, a, y, t, f, fPrime, delta) {
    f.derivative(z.data, a.data, fPrime);
    for (let s = 0; s < y.data.length; s++) delta.data[s] = 2 * (y.data[s]! - t.data[s]!) * fPrime[s]!;
  },
  numpy: {
    predict: (out) => out,
    batchLoss: (out, lay) => `np.sum((${out} - t) ** 2) / ${lay.samples(out)}`,
    delta: (_lay, fPrimeZ) => ({ code: `2 * (y - t) * ${fPrimeZ}` }),
    layer: {
      cls: 'SumOfSquares',
      code: (lay) => `class SumOfSquares:
    """L_i = Σ_j (y_j − t_j)², averaged over the batch."""

    def forward(self, y, t):
        self.y, self.t = y, t
        return np.sum((y - t) ** 2) / ${lay.samples('y')}

    def backward(self):
        return 2 * (self.y - self.t)`,
    },
  },
};

const name = registerLoss(sumOfSquares);
const spec: NetworkSpec = validateNetworkSpec({ layers: [{ units: 2 }, { units: 3, activation: 'tanh' }, { units: 2, activation: 'sigmoid' }], loss: name });
const hyper: Hyperparameters = { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } };

function batch() {
  const rng = createRng(6);
  const x = zeros(5, 2);
  for (let s = 0; s < x.data.length; s++) x.data[s] = gaussian(rng);
  return { x, t: fromRows([[0.1, 0.9], [0.2, 0.4], [0.3, 0.3], [0.4, 0.8], [0.5, 0.0]]) };
}

describe('a toy loss added in a test file', () => {
  it('is a valid loss name for the network validator', () => {
    expect(LOSSES).toContain('sum-of-squares');
    expect(loss(name)).toBe(sumOfSquares);
    expect(spec.loss).toBe('sum-of-squares');
  });

  it('trains, and the gradient check agrees with its backward pass', () => {
    const net = createNetwork(spec, { weights: { kind: 'gaussian', std: 0.8 }, biases: { kind: 'zero' } }, createRng(3));
    const report = gradientCheck(spec, net.params, hyper.regularization, batch());
    expect(report.maxRelError).toBeLessThan(1e-7);
    const trace = new Trainer(net, hyper).step(batch(), { trace: true }).trace!;
    const y = trace.y!.data;
    const t = batch().t.data;
    const expected = [0, 1, 2, 3, 4].reduce((sum, i) => sum + (y[2 * i]! - t[2 * i]!) ** 2 + (y[2 * i + 1]! - t[2 * i + 1]!) ** 2, 0) / 5;
    expect(trace.loss!.total).toBeCloseTo(expected, 14);
  });

  it('the formulas and the inspector’s worked δᴸ come from what it declares', () => {
    expect(phaseFormula({ kind: 'loss' }, spec, hyper)).toContain('Lᵢ = Σⱼ (yⱼ − tⱼ)²');
    const net = createNetwork(spec, { weights: { kind: 'gaussian', std: 0.8 }, biases: { kind: 'zero' } }, createRng(3));
    const trace = new Trainer(net, hyper).step(batch(), { trace: true }).trace!;
    const worked = deltaOf(trace, spec, 2, 1, 0)!;
    expect(worked.source).toMatchObject({ kind: 'output', factor: 2 });
    if (worked.source?.kind !== 'output') throw new Error('expected the output layer');
    expect(worked.source.computed).toBe(worked.delta); // the same arithmetic, the same bits
  });

  it('both NumPy code styles print its code', () => {
    const loop = numpyCode(spec, hyper, 'loop', 'row').lines.join('\n');
    expect(loop).toContain('# Loss: sum of squares, L_i = Σ_j (y_j − t_j)²,');
    expect(loop).toContain('loss = np.sum((activations[-1] - t) ** 2) / m');
    expect(loop).toContain('delta = 2 * (y - t) * f_prime[-1](zs[-1])');
    const layers = numpyCode(spec, hyper, 'layers', 'column').lines.join('\n');
    expect(layers).toContain('class SumOfSquares:');
    expect(layers).toContain('last_layer = SumOfSquares()');
  });

  it.skipIf(pythonMissing() !== null)('and the generated program computes the core’s numbers with it', () => {
    const network = createNetwork(spec, { weights: { kind: 'gaussian', std: 1.5 }, biases: { kind: 'standard-normal' } }, createRng(5));
    const trainer = new Trainer(network, hyper);
    const { x, t } = batch();
    const W0 = network.params.map((p) => toRows(p.W));
    const b0 = network.params.map((p) => Array.from(p.b));
    const trace = trainer.step({ x, t }, { trace: true }).trace!;
    for (const style of ['loop', 'layers'] as const) {
      const code = numpyCode(spec, hyper, style, 'row').lines.join('\n') + '\n';
      const [result] = runPython([{ style, convention: 'row', code, W: W0, b: b0, batches: [{ x: toRows(x), t: toRows(t) }] }]);
      if (result === undefined || 'error' in result) throw new Error(result?.error ?? 'no result');
      const py = result.steps[0]!;
      expect(py.loss).toBeCloseTo(trace.loss!.total, 12);
      expect((py.delta[1] as number[][]).flat()).toEqual(Array.from(trace.layers[1]!.delta!.data).map((v) => expect.closeTo(v, 12)));
    }
  });
});
