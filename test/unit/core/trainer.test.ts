import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../../src/core/network.ts';
import { computeUpdate, createOptimizerState, sgdStepInPlace } from '../../../src/core/optimizers.ts';
import { phasesOf } from '../../../src/core/phases.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { Hyperparameters } from '../../../src/core/spec.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { bits, fixture } from './helpers.ts';

const ADAM_L2: Hyperparameters = {
  learningRate: 0.05,
  optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  regularization: { kind: 'l2', lambda: 0.01 },
};

/** Every weight and bias as exact bit patterns. */
function weightsOf(t: Trainer): bigint[] {
  return bits(t.params.flatMap((p) => [...p.W.data, ...p.b]));
}

describe('Trainer determinism', () => {
  it('same seed and settings give bit-identical weights after many steps', () => {
    const run = () => {
      const { net, batches } = fixture(3);
      const t = new Trainer(net, ADAM_L2);
      for (let r = 0; r < 5; r++) for (const b of batches) t.step(b);
      return weightsOf(t);
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(10);
  });

  it('a different seed gives different weights', () => {
    const a = createNetwork(fixture(3).net.spec, { weights: { kind: 'he' }, biases: { kind: 'zero' } }, createRng(1));
    const b = createNetwork(fixture(3).net.spec, { weights: { kind: 'he' }, biases: { kind: 'zero' } }, createRng(2));
    expect(Array.from(a.params[0]!.W.data)).not.toEqual(Array.from(b.params[0]!.W.data));
  });

  it('traced and untraced steps agree bit for bit', () => {
    const { net, batches } = fixture(5, 'squared-error-half', 'tanh');
    const traced = new Trainer(net, ADAM_L2);
    const plain = new Trainer(net, ADAM_L2);
    for (const b of batches) {
      const a = traced.step(b, { trace: true });
      const p = plain.step(b);
      expect(a.loss).toEqual(p.loss);
      expect(a.trace).toBeDefined();
      expect(p.trace).toBeUndefined();
    }
    expect(weightsOf(traced)).toEqual(weightsOf(plain));
  });

  it('phase-by-phase stepping equals whole steps, and the partial trace grows phase by phase', () => {
    const { net, batches } = fixture(6, 'sigmoid-binary-cross-entropy', 'leaky-relu');
    const whole = new Trainer(net, ADAM_L2);
    const phased = new Trainer(net, ADAM_L2);
    for (const b of batches) {
      whole.step(b);
      const stepper = phased.begin(b, { trace: true });
      expect(stepper.phases).toEqual(phasesOf(3));
      const seen: string[] = [];
      while (!stepper.done) {
        const p = stepper.next();
        seen.push(p.kind);
        const tr = stepper.trace();
        expect(tr.phases).toHaveLength(seen.length);
        if (p.kind === 'forward') expect(tr.layers[p.layer - 1]!.z).toBeDefined();
        if (p.kind === 'forward' && p.layer < 3) expect(tr.layers[p.layer]!.z).toBeUndefined();
        if (p.kind === 'loss') expect(tr.loss).toBeDefined();
        if (p.kind === 'backward') {
          expect(tr.layers[p.layer - 1]!.delta).toBeDefined();
          if (p.layer > 1) expect(tr.layers[p.layer - 2]!.delta).toBeUndefined();
        }
        if (p.kind !== 'update') expect(tr.layers[0]!.updateW).toBeUndefined();
      }
      expect(seen).toEqual(['forward', 'forward', 'forward', 'loss', 'backward', 'backward', 'backward', 'update']);
      expect(stepper.trace().layers[0]!.updateW).toBeDefined();
    }
    expect(weightsOf(phased)).toEqual(weightsOf(whole));
    expect(phased.steps).toBe(batches.length);
  });

  it('the trace records the update actually added: W_after = W_before + ΔW exactly', () => {
    const { net, batches } = fixture(7);
    const t = new Trainer(net, ADAM_L2);
    const { trace } = t.step(batches[0]!, { trace: true });
    trace!.layers.forEach((lt, i) => {
      const after = t.params[i]!.W.data;
      for (let s = 0; s < after.length; s++) expect(after[s]).toBe(lt.W.data[s]! + lt.updateW!.data[s]!);
    });
    expect(trace!.learningRate).toBe(0.05);
  });

  it('SGD adds its update in the same pass with the same numbers as computing it first', () => {
    const { net, batches } = fixture(11);
    const t = new Trainer(net, { learningRate: 0.2, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });
    const { trace } = t.step(batches[0]!, { trace: true });
    trace!.layers.forEach((lt, i) => {
      const after = t.params[i]!.W.data;
      for (let s = 0; s < after.length; s++) {
        expect(lt.updateW!.data[s]).toBe(-0.2 * lt.dW!.data[s]!);
        expect(after[s]).toBe(lt.W.data[s]! + lt.updateW!.data[s]!);
      }
    });
    const theta = Float64Array.of(1, -2, 3e-5, 7);
    const g = Float64Array.of(0.3, -1e-8, 2, 0);
    const checked = new Float64Array(theta);
    const u = new Float64Array(4);
    computeUpdate(createOptimizerState('sgd'), { kind: 'sgd' }, 0.7, 0, checked, g, u);
    for (let s = 0; s < 4; s++) checked[s] += u[s]!;
    const fused = new Float64Array(theta);
    const uFused = new Float64Array(4);
    expect(sgdStepInPlace(0.7, fused, g, uFused)).toBe(Math.max(...fused.map(Math.abs)));
    expect(bits(fused)).toEqual(bits(checked));
    expect(bits(uFused)).toEqual(bits(u));
  });

  it('a hyperparameter change applies from the next update without a reset', () => {
    const { net, batches } = fixture(8);
    const sgd = (lr: number): Hyperparameters => ({ learningRate: lr, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });
    const t = new Trainer(net, sgd(0.1));
    t.step(batches[0]!);
    t.setHyperparameters(sgd(0.3));
    const { trace } = t.step(batches[1]!, { trace: true });
    expect(trace!.learningRate).toBe(0.3);
    const l = trace!.layers[0]!;
    for (let s = 0; s < l.dW!.data.length; s++) expect(l.updateW!.data[s]).toBe(-0.3 * l.dW!.data[s]!);
    expect(t.steps).toBe(2);
  });

  it('a refused batch ends the step under way instead of corrupting it', () => {
    const { net, batches } = fixture(10);
    const t = new Trainer(net);
    const before = weightsOf(t);
    const s1 = t.begin(batches[0]!);
    s1.next();
    const bad = { x: { ...batches[1]!.x, data: new Float64Array(batches[1]!.x.data) }, t: batches[1]!.t };
    bad.x.data[1] = Number.NaN;
    expect(() => t.begin(bad)).toThrow(/batch\.x: contains NaN or Infinity/);
    expect(() => s1.next()).toThrow(/superseded/);
    expect(weightsOf(t)).toEqual(before);
    expect(t.step(batches[0]!).applied).toBe(true);
  });

  it('an abandoned phase-by-phase step leaves the weights untouched and refuses to go on', () => {
    const { net, batches } = fixture(9);
    const t = new Trainer(net);
    const before = weightsOf(t);
    const s1 = t.begin(batches[0]!);
    s1.next();
    s1.next();
    t.begin(batches[1]!);
    expect(() => s1.next()).toThrow(/superseded/);
    expect(weightsOf(t)).toEqual(before);
  });
});

describe('Trainer divergence', () => {
  const spec = { layers: [{ units: 1 }, { units: 1, activation: 'identity' as const }], loss: 'squared-error-half' as const };
  const net = { spec, params: [{ W: fromRows([[1]]), b: Float64Array.of(0) }] };

  it('refuses a step whose loss overflows, names where, and keeps the last finite weights', () => {
    const t = new Trainer(net, { learningRate: 1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });
    const r = t.step({ x: fromRows([[1e200]]), t: fromRows([[0]]) });
    expect(r.applied).toBe(false);
    expect(r.divergence).toEqual({ phase: { kind: 'loss' }, quantity: 'loss', layer: null });
    expect(t.params[0]!.W.data[0]).toBe(1);
    expect(t.steps).toBe(0);
  });

  it('checks every new weight when one is near overflow, and applies a finite update', () => {
    // W₁ = 2¹⁰²³ is past the bound below which no update can overflow, so every new weight is
    // checked. Its own change (x₁·δ ≈ 2⁻⁹⁶⁹) is below its last bit; W₂ and b show the update.
    // Powers of two keep every number exact: z = 2⁻⁹⁹⁶·2¹⁰²³ + 1·1 + 0 = 2²⁷ + 1 = δ (t = 0).
    const two = { layers: [{ units: 2 }, { units: 1, activation: 'identity' as const }], loss: 'squared-error-half' as const };
    const huge = { spec: two, params: [{ W: fromRows([[2 ** 1023], [1]]), b: Float64Array.of(0) }] };
    const t = new Trainer(huge, { learningRate: 1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });
    const r = t.step({ x: fromRows([[2 ** -996, 1]]), t: fromRows([[0]]) });
    expect(r.applied).toBe(true);
    const delta = 2 ** 27 + 1;
    expect(Array.from(t.params[0]!.W.data)).toEqual([2 ** 1023, 1 - delta]); // W₂ − η·x₂·δ
    expect(Array.from(t.params[0]!.b)).toEqual([-delta]); // b − η·δ
    expect(t.steps).toBe(1);
  });

  it('refuses an update that would make a bias infinite, and names b', () => {
    // x = 0: ∂L/∂W = 0, so only b moves; δ = z − t = 1e10 and η·δ = 1e310 overflows.
    const t = new Trainer(net, { learningRate: 1e300, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });
    const r = t.step({ x: fromRows([[0]]), t: fromRows([[-1e10]]) });
    expect(r.applied).toBe(false);
    expect(r.divergence).toEqual({ phase: { kind: 'update' }, quantity: 'b', layer: 1 });
    expect([t.params[0]!.W.data[0], t.params[0]!.b[0]]).toEqual([1, 0]);
    expect(t.steps).toBe(0);
  });

  it('refuses an update that would make a weight infinite', () => {
    const t = new Trainer(net, { learningRate: 1e300, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });
    const r = t.step({ x: fromRows([[1e10]]), t: fromRows([[0]]) });
    expect(r.divergence).toEqual({ phase: { kind: 'update' }, quantity: 'W', layer: 1 });
    expect(t.params[0]!.W.data[0]).toBe(1);
    // after lowering the rate training goes on from the kept weights
    t.setHyperparameters({ learningRate: 1e-21, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });
    const ok = t.step({ x: fromRows([[1e10]]), t: fromRows([[0]]) });
    expect(ok.applied).toBe(true);
    expect(t.params[0]!.W.data[0]).toBeCloseTo(0.9, 12);
  });
});
