/**
 * Each quantity a step checks (z, the loss, δ, ∂L/∂W, ∂L/∂b, W, b) made the first to go
 * non-finite, on hand-built networks whose numbers are worked out in the comments. The step
 * must name that phase and quantity, refuse the update and keep the weights, whether run
 * whole, phase by phase, or with the fast paths off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/core/network.ts';
import type { Batch } from '../../../src/core/passes.ts';
import type { Phase } from '../../../src/core/phases.ts';
import type { Hyperparameters } from '../../../src/core/spec.ts';
import { fromRows, zeros } from '../../../src/core/tensor.ts';
import type { Trace } from '../../../src/core/trace.ts';
import { Trainer, type Divergence } from '../../../src/core/trainer.ts';
import { useFastPaths } from '../../../src/core/fast-paths.ts';
import { bits } from './helpers.ts';

const sgd = (learningRate: number): Hyperparameters => ({ learningRate, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } });

/** 1-1 or 1-1-1 identity networks with squared-error-half: every number is easy to follow. */
function chain(weights: readonly [number, number][]): Network {
  const layers = [{ units: 1 }, ...weights.map(() => ({ units: 1, activation: 'identity' as const }))];
  return { spec: { layers, loss: 'squared-error-half' }, params: weights.map(([w, b]) => ({ W: fromRows([[w]]), b: Float64Array.of(b) })) };
}

function column(xs: readonly number[]) {
  return fromRows(xs.map((v) => [v]));
}

interface Case {
  readonly name: string;
  readonly net: Network;
  readonly batch: Batch;
  readonly lr: number;
  readonly expected: Divergence;
}

const forward = (layer: number): Phase => ({ kind: 'forward', layer });
const backward = (layer: number): Phase => ({ kind: 'backward', layer });

const CASES: Case[] = [
  {
    // z¹ = 1e200·1e200 = ∞
    name: 'z in forward 1',
    net: chain([[1e200, 0], [1, 0]]),
    batch: { x: column([1e200]), t: column([0]) },
    lr: 0.1,
    expected: { phase: forward(1), quantity: 'z', layer: 1 },
  },
  {
    // z¹ = 1e10 is finite, z² = 1e10·1e300 = ∞
    name: 'z in forward 2',
    net: chain([[1, 0], [1e300, 0]]),
    batch: { x: column([1e10]), t: column([0]) },
    lr: 0.1,
    expected: { phase: forward(2), quantity: 'z', layer: 2 },
  },
  {
    // z = 1e200 is finite, L = ½·(1e200)² = ∞
    name: 'the loss',
    net: chain([[1, 0]]),
    batch: { x: column([1e200]), t: column([0]) },
    lr: 0.1,
    expected: { phase: { kind: 'loss' }, quantity: 'loss', layer: null },
  },
  {
    // z² = 1e-300·1e300 = 1, δ² = 1 + 1e10 (L = 5e19), δ¹ = δ²·W² ≈ 1e310 = ∞
    name: 'δ in backward 1',
    net: chain([[1, 0], [1e300, 0]]),
    batch: { x: column([1e-300]), t: column([-1e10]) },
    lr: 0.1,
    expected: { phase: backward(1), quantity: 'delta', layer: 1 },
  },
  {
    // a¹ = 1e300, z² = 1e300·1e-300 = 1, δ² ≈ 1e10 finite, ∂L/∂W² = a¹·δ² ≈ 1e310 = ∞, ∂L/∂b² = δ²
    name: '∂L/∂W in backward 2',
    net: chain([[1e300, 0], [1e-300, 0]]),
    batch: { x: column([1]), t: column([-1e10]) },
    lr: 0.1,
    expected: { phase: backward(2), quantity: 'dW', layer: 2 },
  },
  {
    // Two samples of x = 0: a¹ = 0, z² = 0, δ² = 1, δ¹ = δ²·W² = 1.5e308 each (finite),
    // ∂L/∂W¹ = ½·Σ x·δ¹ = 0, but ∂L/∂b¹ = ½·(δ¹ + δ¹) overflows in the sum.
    name: '∂L/∂b in backward 1',
    net: chain([[1, 0], [1.5e308, 0]]),
    batch: { x: column([0, 0]), t: column([-1, -1]) },
    lr: 0.1,
    expected: { phase: backward(1), quantity: 'db', layer: 1 },
  },
  {
    // ∂L/∂W = x·δ = 1e10·1e10 = 1e20, ΔW = −1e300·1e20 = −∞
    name: 'W in the update',
    net: chain([[1, 0]]),
    batch: { x: column([1e10]), t: column([0]) },
    lr: 1e300,
    expected: { phase: { kind: 'update' }, quantity: 'W', layer: 1 },
  },
  {
    // δ = 1e-300 + 10, ∂L/∂W = 1e-300·δ is tiny (ΔW finite), ∂L/∂b = δ ≈ 10, Δb = −1e308·10 = −∞
    name: 'b in the update',
    net: chain([[1, 0]]),
    batch: { x: column([1e-300]), t: column([-10]) },
    lr: 1e308,
    expected: { phase: { kind: 'update' }, quantity: 'b', layer: 1 },
  },
];

/** The quantities a phase computes, from a trace taken right after it. */
function quantitiesOf(trace: Trace, phase: Phase): Partial<Record<Divergence['quantity'], ArrayLike<number>>> {
  if (phase.kind === 'loss') return { loss: [trace.loss!.total] };
  if (phase.kind === 'update') return {};
  const layer = trace.layers[phase.layer - 1]!;
  if (phase.kind === 'forward') return { z: layer.z!.data };
  return { delta: layer.delta!.data, dW: layer.dW!.data, db: layer.db! };
}

function allFiniteIn(xs: ArrayLike<number>): boolean {
  return Array.from(xs).every(Number.isFinite);
}

function weightBits(t: Trainer): bigint[] {
  return bits(t.params.flatMap((p) => [...p.W.data, ...p.b]));
}

describe('the first quantity to go non-finite is the one reported', () => {
  afterEach(() => useFastPaths(true));

  it.each(CASES.flatMap((c) => [true, false].map((fast) => [c.name, fast, c] as const)))(
    '%s (fast paths on: %s)',
    (_name, fast, { net, batch, lr, expected }) => {
      useFastPaths(fast);
      const whole = new Trainer(net, sgd(lr));
      const before = weightBits(whole);
      const r = whole.step(batch);
      expect(r.divergence).toEqual(expected);
      expect(r.applied).toBe(false);
      expect(whole.steps).toBe(0);
      expect(weightBits(whole)).toEqual(before);

      // Phase by phase: everything computed before the named phase is finite, and the named
      // quantity is not (the update's refused values are not kept, so only its verdict shows).
      const phased = new Trainer(net, sgd(lr));
      const stepper = phased.begin(batch, { trace: true });
      let reached = false;
      while (!stepper.done) {
        const phase = stepper.next();
        const named = quantitiesOf(stepper.trace(), phase);
        reached = JSON.stringify(phase) === JSON.stringify(expected.phase);
        if (reached) {
          if (expected.quantity !== 'W' && expected.quantity !== 'b') expect(allFiniteIn(named[expected.quantity]!)).toBe(false);
          break;
        }
        for (const [q, values] of Object.entries(named)) expect(allFiniteIn(values), `${q} after ${JSON.stringify(phase)}`).toBe(true);
      }
      expect(reached).toBe(true);
      stepper.runAll();
      expect(stepper.result().divergence).toEqual(expected);
      expect(weightBits(phased)).toEqual(before);
    },
  );

  it('a 784-input network through the WebAssembly kernels reports z in forward 1 and keeps its weights', () => {
    const x = zeros(100, 784);
    for (let s = 0; s < x.data.length; s += 5) x.data[s] = 1;
    const t = zeros(100, 10);
    for (let i = 0; i < 100; i++) t.data[i * 10 + (i % 10)] = 1;
    const W1 = zeros(784, 50);
    W1.data.fill(1e306); // 157 inputs of 1 per sample: Σ = 1.57e308 is finite, but Σ + b overflows
    const b1 = new Float64Array(50).fill(1.7e308);
    const net: Network = {
      spec: { layers: [{ units: 784 }, { units: 50, activation: 'relu' }, { units: 10, activation: 'identity' }], loss: 'softmax-cross-entropy' },
      params: [
        { W: W1, b: b1 },
        { W: zeros(50, 10), b: new Float64Array(10) },
      ],
    };
    const trainer = new Trainer(net, sgd(0.1));
    const before = weightBits(trainer);
    const r = trainer.step({ x, t });
    expect(r.divergence).toEqual({ phase: forward(1), quantity: 'z', layer: 1 });
    expect(weightBits(trainer)).toEqual(before);
  });
});
