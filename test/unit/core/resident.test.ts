/**
 * A trainer's weights, updates and workspace resident in a WebAssembly arena: the kernels run
 * there, while batch sizes change, weights are set from outside and steps are traced, and the
 * numbers stay those of the TypeScript loops on heap arrays, bit for bit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useFastPaths } from '../../../src/core/fast-paths.ts';
import { cloneParams, createNetwork, type Network } from '../../../src/core/network.ts';
import type { Batch } from '../../../src/core/passes.ts';
import { createRng } from '../../../src/core/rng.ts';
import type { Hyperparameters } from '../../../src/core/spec.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { arenaOf } from '../../../src/core/wasm/memory.ts';
import { bits, digitLikeBatch } from './helpers.ts';

const SGD: Hyperparameters = { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } };

function mnistLikeNet(seed: number): Network {
  const spec = { layers: [{ units: 784 }, { units: 50, activation: 'relu' as const }, { units: 10, activation: 'identity' as const }], loss: 'softmax-cross-entropy' as const };
  return createNetwork(spec, { weights: { kind: 'he' }, biases: { kind: 'standard-normal' } }, createRng(seed));
}

function weightBits(t: Trainer): bigint[] {
  return bits(t.params.flatMap((p) => [...p.W.data, ...p.b]));
}

/** Runs `script` on a trainer with every fast path on, then off, and returns the weights' bits after each call. */
function bothWays(net: Network, script: (t: Trainer, call: number) => void, calls: number): { fast: bigint[][]; plain: bigint[][] } {
  const run = (fast: boolean) => {
    useFastPaths(fast);
    const t = new Trainer(net, SGD);
    const after: bigint[][] = [];
    for (let c = 0; c < calls; c++) {
      script(t, c);
      after.push(weightBits(t));
    }
    return { t, after };
  };
  const fast = run(true);
  expect(arenaOf(fast.t.params[0]!.W.data)).not.toBeNull(); // it did run resident
  const plain = run(false);
  expect(arenaOf(plain.t.params[0]!.W.data)).toBeNull();
  return { fast: fast.after, plain: plain.after };
}

describe('resident memory', () => {
  afterEach(() => useFastPaths(true));

  it('gives the heap path bit for bit while the batch size grows and shrinks (a new arena, then the same)', () => {
    const rng = createRng(5);
    const batches: Batch[] = [20, 100, 100, 20, 7, 100].map((m) => digitLikeBatch(m, rng));
    const { fast, plain } = bothWays(mnistLikeNet(1), (t, c) => void t.step(batches[c]!), batches.length);
    expect(fast.every((w, c) => w.every((v, i) => v === plain[c]![i]))).toBe(true);
    expect(fast[5]).not.toEqual(fast[4]);
  });

  it('copies weights set from outside in at the next step', () => {
    const rng = createRng(6);
    const batches = [digitLikeBatch(30, rng), digitLikeBatch(30, rng)];
    const other = mnistLikeNet(2).params;
    const script = (t: Trainer, c: number) => {
      if (c === 1) t.setParams(other, 1);
      t.step(batches[c % 2]!);
    };
    const { fast, plain } = bothWays(mnistLikeNet(1), script, 3);
    expect(fast.every((w, c) => w.every((v, i) => v === plain[c]![i]))).toBe(true);
    expect(fast[1]).not.toEqual(fast[0]);
  });

  it('traces and clones copy out of the arena, and phase-by-phase steps agree with whole ones', () => {
    const rng = createRng(7);
    const batch = digitLikeBatch(40, rng);
    const whole = new Trainer(mnistLikeNet(3), SGD);
    const phased = new Trainer(mnistLikeNet(3), SGD);
    const traced = whole.step(batch, { trace: true }).trace!;
    const stepper = phased.begin(batch);
    while (!stepper.done) stepper.next();
    expect(weightBits(phased)).toEqual(weightBits(whole));
    expect(arenaOf(whole.params[0]!.W.data)).not.toBeNull();
    const layer = traced.layers[0]!;
    for (const copy of [layer.W.data, layer.dW!.data, layer.updateW!.data, layer.z!.data, traced.y!.data, cloneParams(whole.params)[0]!.W.data]) {
      expect(arenaOf(copy)).toBeNull();
    }
    // the trace holds the weights before the step, the arena those after it
    const before = traced.layers[0]!.W.data;
    const after = whole.params[0]!.W.data;
    const update = layer.updateW!.data;
    expect(bits(Array.from(before, (w, s) => w + update[s]!))).toEqual(bits(after));
  });
});
