/**
 * Adding an activation is its own file plus one list entry; everything else picks it up from
 * what the activation declares. Here a toy activation, hard tanh (clip to [−1, 1], kinks at
 * ±1), is added in this test file only, and the validator, the passes, the gradient check
 * (value and kinks), the formulas and both NumPy code styles take it up with no other change.
 */
import { describe, expect, it } from 'vitest';
import type { Activation } from '../../../src/core/activation.ts';
import { activation, ACTIVATIONS, registerActivation } from '../../../src/core/activations.ts';
import { gradientCheck } from '../../../src/core/gradcheck.ts';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng, gaussian } from '../../../src/core/rng.ts';
import { validateNetworkSpec, type Hyperparameters, type NetworkSpec } from '../../../src/core/spec.ts';
import { fromRows, toRows, zeros } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { numpyCode } from '../../../src/views/code/numpy.ts';
import { phaseFormula } from '../../../src/views/graph/formulas.ts';
import { fPrimeLine } from '../../../src/views/inspector/DeltaView.tsx';
import { symbols } from '../../../src/views/inspector/tex.tsx';
import { pythonMissing, runPython } from '../code/run-python.ts';

const hardTanh: Activation = {
  name: 'hard-tanh',
  apply(z, a) {
    for (let t = 0; t < z.length; t++) a[t] = Math.max(-1, Math.min(1, z[t]!));
  },
  derivative(z, _a, out) {
    for (let t = 0; t < z.length; t++) out[t] = z[t]! > -1 && z[t]! < 1 ? 1 : 0;
  },
  kinks: [-1, 1],
  formula: {
    tex: { f: '\\max(-1, \\min(1, z))', df: "\\begin{cases} 1 & |z| < 1 \\\\ 0 & \\text{else} \\end{cases}" },
    text: { f: 'max(−1, min(1, z))', df: '1 if |z| < 1, else 0' },
  },
  numpy: {
    f: 'hard_tanh',
    prime: 'hard_tanh_prime',
    functions: 'def hard_tanh(z):\n    return np.clip(z, -1, 1)\n\n\ndef hard_tanh_prime(z):\n    return ((z > -1) & (z < 1)) * 1.0',
    layer: {
      cls: 'HardTanh',
      name: 'hard_tanh',
      state: ['inside'],
      forward: ['inside = (z > -1) & (z < 1)', 'return np.clip(z, -1, 1)'],
      backward: ['return dout * inside'],
    },
  },
};

const name = registerActivation(hardTanh);
const spec: NetworkSpec = validateNetworkSpec({
  layers: [{ units: 2 }, { units: 3, activation: name }, { units: 1, activation: 'identity' }],
  loss: 'squared-error-half',
});
const hyper: Hyperparameters = { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } };

describe('a toy activation added in a test file', () => {
  it('is a valid activation name for the network validator', () => {
    expect(ACTIVATIONS).toContain('hard-tanh');
    expect(activation(name)).toBe(hardTanh);
    expect(spec.layers[1]!.activation).toBe('hard-tanh');
  });

  it('the gradient check passes on it, and flags entries whose perturbation crosses its kinks', () => {
    const rng = createRng(3);
    const net = createNetwork(spec, { weights: { kind: 'gaussian', std: 0.4 }, biases: { kind: 'zero' } }, rng);
    const x = zeros(6, 2);
    for (let s = 0; s < x.data.length; s++) x.data[s] = gaussian(rng);
    const batch = { x, t: fromRows([[0.3], [-0.2], [0.5], [0.1], [-0.4], [0.2]]) };
    const smooth = gradientCheck(spec, net.params, hyper.regularization, batch);
    expect(smooth.maxRelError).toBeLessThan(1e-7);
    // Put unit 0's pre-activation of sample 0 just past the kink at z = 1: the bias b¹[0]
    // perturbed by ±2h moves it back across, which the check must flag, not count as an error.
    const params = net.params.map((p) => ({ W: { ...p.W, data: new Float64Array(p.W.data) }, b: new Float64Array(p.b) }));
    const z0 = x.data[0]! * params[0]!.W.data[0]! + x.data[1]! * params[0]!.W.data[3]!;
    params[0]!.b[0] = 1 + 1e-4 - z0;
    const kinked = gradientCheck(spec, params, hyper.regularization, batch);
    const b1 = kinked.tensors.find((t) => t.name === 'b1')!;
    expect(b1.kinks[0]).toBe(1);
    expect(kinked.kinkCount).toBeGreaterThanOrEqual(1);
    expect(kinked.maxRelError).toBeLessThan(1e-7);
  });

  it('the formulas come from what it declares', () => {
    expect(phaseFormula({ kind: 'forward', layer: 1 }, spec, hyper)).toBe('z¹ = a⁰·W¹ + b¹,  a¹ = hard-tanh(z¹)');
    // Its worked f'(z) line compares z with the nearest kink.
    expect(fPrimeLine(symbols('rows'), name, 1, 0, 2, 1.5, 1, 0).txt).toBe("z¹[2][0] = 1.5 > 1 ⇒ f'(z¹[2][0]) = 0");
    expect(fPrimeLine(symbols('rows'), name, 1, 0, 2, -1.25, -1, 0).txt).toBe("z¹[2][0] = −1.25 ≤ −1 ⇒ f'(z¹[2][0]) = 0");
    expect(fPrimeLine(symbols('columns'), name, 1, 0, 2, 1.5, 1, 0).txt).toBe("z¹[0][2] = 1.5 > 1 ⇒ f'(z¹[0][2]) = 0");
  });

  it('both NumPy code styles print its code', () => {
    const loop = numpyCode(spec, hyper, 'loop', 'row').lines.join('\n');
    expect(loop).toContain(hardTanh.numpy.functions);
    expect(loop).toContain('hard_tanh(z)');
    const layers = numpyCode(spec, hyper, 'layers', 'column').lines.join('\n');
    expect(layers).toContain('class HardTanh:\n    def forward(self, z):\n        self.inside = (z > -1) & (z < 1)\n        return np.clip(z, -1, 1)');
    expect(layers).toContain('        return dout * self.inside');
    expect(layers).toContain('HardTanh()');
  });

  it.skipIf(pythonMissing() !== null)('and the generated program computes the core’s numbers with it', () => {
    const network = createNetwork(spec, { weights: { kind: 'gaussian', std: 1.5 }, biases: { kind: 'standard-normal' } }, createRng(5));
    const trainer = new Trainer(network, hyper);
    const rng = createRng(6);
    const x = zeros(5, 2);
    for (let s = 0; s < x.data.length; s++) x.data[s] = gaussian(rng);
    const t = fromRows([[0.1], [0.2], [0.3], [0.4], [0.5]]);
    const W0 = network.params.map((p) => toRows(p.W));
    const b0 = network.params.map((p) => Array.from(p.b));
    const trace = trainer.step({ x, t }, { trace: true }).trace!;
    // Some pre-activations lie outside (−1, 1), so both pieces of f and f' are exercised.
    expect(trace.layers[0]!.z!.data.some((z) => Math.abs(z) > 1)).toBe(true);
    for (const style of ['loop', 'layers'] as const) {
      const code = numpyCode(spec, hyper, style, 'row').lines.join('\n') + '\n';
      const [result] = runPython([{ style, convention: 'row', code, W: W0, b: b0, batches: [{ x: toRows(x), t: toRows(t) }] }]);
      if (result === undefined || 'error' in result) throw new Error(result?.error ?? 'no result');
      const py = result.steps[0]!;
      expect(py.loss).toBeCloseTo(trace.loss!.total, 12);
      expect((py.a[0] as number[][]).flat()).toEqual(Array.from(trace.layers[0]!.a!.data).map((v) => expect.closeTo(v, 12)));
      expect((py.delta[0] as number[][]).flat()).toEqual(Array.from(trace.layers[0]!.delta!.data).map((v) => expect.closeTo(v, 12)));
    }
  });
});
