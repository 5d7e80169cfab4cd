/** chain.ts alone: its sums reproduce the core's δ, ∂L/∂W and ∂L/∂b for every loss and activation. */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/activations.ts';
import { createNetwork } from '../../../src/core/network.ts';
import { createRng } from '../../../src/core/rng.ts';
import { LOSSES, type Hyperparameters, type NetworkSpec, type Regularization } from '../../../src/core/spec.ts';
import { fromRows } from '../../../src/core/tensor.ts';
import type { Trace } from '../../../src/core/trace.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { chainOf, deltaOf, pickRegularization, shownSamples } from '../../../src/views/inspector/chain.ts';

const x = fromRows([[0.5, -1, 0], [2, 0.25, 1], [-1, 1.5, -0.5], [0, 0, 0.75]]);
const oneHot = fromRows([[1, 0], [0, 1], [1, 0], [0, 1]]);
const values = fromRows([[0.2, -0.4], [1, 0.5], [-0.3, 0.1], [0.7, 0]]);

function traced(spec: NetworkSpec, hyper: Hyperparameters, t = oneHot, seed = 3): Trace {
  return tracedStep(spec, hyper, t, seed).trace;
}

/** A traced step, and the weights the core holds before and after it. */
function tracedStep(spec: NetworkSpec, hyper: Hyperparameters, t = oneHot, seed = 3) {
  const trainer = new Trainer(createNetwork(spec, { weights: { kind: 'xavier' }, biases: { kind: 'standard-normal' } }, createRng(seed)), hyper);
  const before = trainer.params.map((p) => ({ W: Float64Array.from(p.W.data), b: Float64Array.from(p.b) }));
  const trace = trainer.step({ x, t }, { trace: true }).trace!;
  const after = trainer.params.map((p) => ({ W: Float64Array.from(p.W.data), b: Float64Array.from(p.b) }));
  return { trace, before, after };
}

/**
 * Every δ, every ∂L/∂W and ∂L/∂b of the trace, against chain.ts's sums; every update against
 * SGD's Δw = −η·∂L/∂w and the weights the core holds before and after the step.
 */
function checkAll({ trace, before, after }: ReturnType<typeof tracedStep>, spec: NetworkSpec, reg: Regularization, eta: number) {
  trace.layers.forEach((layer, index) => {
    const l = index + 1;
    for (let j = 0; j < layer.W.cols; j++) {
      for (let s = 0; s < trace.x.rows; s++) {
        const d = deltaOf(trace, spec, l, j, s)!;
        expect(d.delta).toBe(layer.delta!.data[s * layer.W.cols + j]);
        expect(d.source!.computed).toBe(d.delta);
      }
      for (let i = 0; i < layer.W.rows; i++) {
        const c = chainOf(trace, l, i, j, reg);
        const g = c.gradient!;
        expect(g.data + g.penalty.value).toBe(g.total);
        expect(Math.abs(g.contributions.reduce((a, b) => a + b.value, 0) + g.penalty.value - g.total)).toBeLessThan(1e-12);
        const s = i * layer.W.cols + j;
        expect(g.total).toBe(layer.dW!.data[s]);
        expect(c.value).toBe(before[index]!.W[s]);
        expect(c.update!.delta).toBe(-eta * layer.dW!.data[s]!);
        expect(c.update!.next).toBe(after[index]!.W[s]);
      }
      const b = chainOf(trace, l, null, j, reg);
      expect(b.gradient!.data).toBe(layer.db![j]);
      expect(b.value).toBe(before[index]!.b[j]);
      expect(b.update!.delta).toBe(-eta * layer.db![j]!);
      expect(b.update!.next).toBe(after[index]!.b[j]);
      expect(b.gradient!.penalty.kind).toBe('none');
    }
  });
}

describe('chain.ts', () => {
  it('reproduces the core exactly for every loss and hidden activation, with L2 and L1', () => {
    for (const loss of LOSSES) {
      for (const activation of ACTIVATIONS) {
        const output = loss === 'softmax-cross-entropy' || loss === 'sigmoid-binary-cross-entropy' ? 'identity' : 'sigmoid';
        const spec: NetworkSpec = { layers: [{ units: 3 }, { units: 4, activation }, { units: 3, activation }, { units: 2, activation: output }], loss };
        const t = loss.startsWith('softmax') || loss.startsWith('sigmoid') ? oneHot : values;
        for (const reg of [{ kind: 'l2', lambda: 0.01 }, { kind: 'l1', lambda: 0.003 }, { kind: 'none', lambda: 0 }] as const) {
          checkAll(tracedStep(spec, { learningRate: 0.3, optimizer: { kind: 'sgd' }, regularization: reg }, t), spec, reg, 0.3);
        }
      }
    }
  });

  it('derives δ from the loss at the output and from the layer above below it', () => {
    const spec: NetworkSpec = { layers: [{ units: 3 }, { units: 2, activation: 'tanh' }, { units: 2, activation: 'sigmoid' }], loss: 'mean-squared-error' };
    const trace = traced(spec, { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } }, values);
    const out = deltaOf(trace, spec, 2, 1, 2)!.source!;
    expect(out.kind).toBe('output');
    if (out.kind !== 'output') return;
    expect(out.factor).toBe(1); // 2/k with k = 2
    expect(out.fPrime).toBe(out.a * (1 - out.a));
    const hidden = deltaOf(trace, spec, 1, 0, 2)!.source!;
    expect(hidden.kind).toBe('hidden');
    if (hidden.kind !== 'hidden') return;
    expect(hidden.terms.map((t) => t.k)).toEqual([0, 1]);
    expect(hidden.terms[1]!.w).toBe(trace.layers[1]!.W.data[1]);
    expect(hidden.fPrime).toBe(1 - hidden.a * hidden.a);
  });

  it('knows what a partial trace lacks', () => {
    const spec: NetworkSpec = { layers: [{ units: 3 }, { units: 2, activation: 'relu' }, { units: 2, activation: 'identity' }], loss: 'softmax-cross-entropy' };
    const trainer = new Trainer(createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'zero' } }, createRng(1)));
    const stepper = trainer.begin({ x, t: oneHot }, { trace: true });
    stepper.next(); // forward 1
    const none: Regularization = { kind: 'none', lambda: 0 };
    expect(chainOf(stepper.trace(), 2, 0, 0, none).inputs).not.toBeNull();
    expect(chainOf(stepper.trace(), 2, 0, 0, none).deltas).toBeNull();
    expect(deltaOf(stepper.trace(), spec, 2, 0, 0)).toBeNull();
    stepper.next(); // forward 2
    stepper.next(); // loss
    stepper.next(); // backward 2
    const c = chainOf(stepper.trace(), 2, 1, 0, none);
    expect(c.gradient).not.toBeNull();
    expect(c.updateRan).toBe(false);
    expect(c.update).toBeNull();
    stepper.runAll();
    const done = chainOf(stepper.trace(), 2, 1, 0, none);
    expect(done.update!.isSgd).toBe(true);
    expect(done.update!.learningRate).toBe(0.1);
  });

  it('picks the regularization the step used', () => {
    const spec: NetworkSpec = { layers: [{ units: 3 }, { units: 2, activation: 'tanh' }, { units: 2, activation: 'identity' }], loss: 'softmax-cross-entropy' };
    const used: Regularization = { kind: 'l2', lambda: 0.05 };
    const trace = traced(spec, { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: used });
    expect(pickRegularization(trace, 1, 0, 1, [{ kind: 'none', lambda: 0 }, used])).toEqual(used);
    expect(pickRegularization(trace, 1, 0, 1, [used, { kind: 'l1', lambda: 0.05 }])).toEqual(used);
  });

  it('lists the first samples and always the focused one', () => {
    expect(shownSamples(3, 2, 12)).toEqual([0, 1, 2]);
    expect(shownSamples(100, 3, 4)).toEqual([0, 1, 2, 3]);
    expect(shownSamples(100, 5, 4)).toEqual([0, 1, 2, 5]);
    expect(shownSamples(100, 57, 4)).toEqual([0, 1, 2, 57]);
  });
});
