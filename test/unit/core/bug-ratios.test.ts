/**
 * Each bug-lab mistake against the student's code it reproduces: per layer, the ratio of the
 * buggy gradient to the correct one, the tensors a gradient check flags, and what training does.
 */
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../../src/core/activations.ts';
import type { BugName } from '../../../src/core/bugs.ts';
import { gradientCheck } from '../../../src/core/gradcheck.ts';
import type { Batch } from '../../../src/core/passes.ts';
import { createRng } from '../../../src/core/rng.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { updateCheck } from '../../../src/core/update-check.ts';
import { bits, buildNetwork, randomBatch } from './helpers.ts';

const HYPER = { learningRate: 0.5, optimizer: { kind: 'sgd' as const }, regularization: { kind: 'none' as const, lambda: 0 } };
const M = 4; // batch size
const L = 3; // weight layers

/** A 3-layer net (L = 3) as in the student's code, and a few batches of M samples. */
function setup(hidden: ActivationName = 'sigmoid', seed = 3) {
  const rng = createRng(seed);
  const net = buildNetwork({ inputs: 3, hidden: [5, 4], outputs: 2, hiddenActivation: hidden, outputActivation: 'identity', loss: 'softmax-cross-entropy' }, rng);
  const batches = Array.from({ length: 5 }, () => randomBatch(3, 2, 'softmax-cross-entropy', M, rng));
  return { net, batches };
}

function trainer(net: ReturnType<typeof setup>['net'], bugs: BugName[] = []): Trainer {
  const t = new Trainer(net, HYPER);
  t.setBugs(bugs);
  return t;
}

/** Per layer l = 1..L: buggy / correct for every entry of ∂L/∂Wˡ and ∂L/∂bˡ (all the same ratio, or NaN). */
function ratios(bug: BugName, batch: Batch, hidden: ActivationName = 'sigmoid'): number[] {
  const { net } = setup(hidden);
  const good = trainer(net).gradientsOn(batch);
  const bad = trainer(net, [bug]).gradientsOn(batch);
  return good.map((g, i) => {
    const pairs = [...Array.from(g.dW, (v, s) => [bad[i]!.dW[s]!, v]), ...Array.from(g.db, (v, s) => [bad[i]!.db[s]!, v])];
    const r = pairs.filter(([b, v]) => !(b === 0 && v === 0)).map(([b, v]) => b! / v!); // a dead unit's 0/0 says nothing
    return r.every((x) => Math.abs(x - r[0]!) <= 1e-12 * Math.abs(r[0]!)) ? r[0]! : NaN;
  });
}

function flagged(t: Trainer, batch: Batch): string[] {
  const report = gradientCheck(t.spec, t.params, t.hyper.regularization, batch, { analytic: t.gradientsOn(batch) });
  return report.tensors.filter((x) => x.maxRelError > 1e-4).map((x) => x.name);
}

describe('bug lab: the mistakes as students write them', () => {
  it('δ divided by m at every layer: layer l is m^(L − l) too small, the output layer right', () => {
    const { batches } = setup();
    const r = ratios('delta-divided-every-layer', batches[0]!);
    [1, 2, 3].forEach((l, i) => expect(r[i]).toBeCloseTo(M ** -(L - l), 14));
    expect(r[0]).toBeCloseTo(1 / M ** 2, 14); // W¹ m² too small in a 3-layer net
    expect(flagged(trainer(setup().net, ['delta-divided-every-layer']), batches[0]!)).toEqual(['W1', 'b1', 'W2', 'b2']);
  });

  it('δ divided by m at every layer is invisible with a batch of one', () => {
    const rng = createRng(9);
    const one = randomBatch(3, 2, 'softmax-cross-entropy', 1, rng);
    expect(ratios('delta-divided-every-layer', one)).toEqual([1, 1, 1]);
  });

  it('summed over the batch: every gradient m times the mean’s, so a step at η is the correct step at m·η', () => {
    const { net, batches } = setup();
    const r = ratios('batch-summed', batches[0]!);
    r.forEach((x) => expect(x).toBeCloseTo(M, 12));
    expect(flagged(trainer(net, ['batch-summed']), batches[0]!)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    const summed = trainer(net, ['batch-summed']);
    const scaled = new Trainer(net, { ...HYPER, learningRate: HYPER.learningRate * M });
    for (const b of batches) {
      summed.step(b);
      scaled.step(b);
    }
    summed.params.forEach((p, i) => p.W.data.forEach((w, s) => expect(w).toBeCloseTo(scaled.params[i]!.W.data[s]!, 12)));
  });

  it('the output error flipped: every gradient −1 times the correct one', () => {
    expect(ratios('output-error-flipped', setup().batches[0]!)).toEqual([-1, -1, -1]);
  });

  it('first bias not updated: its gradient is right (the check passes), the update check catches it', () => {
    const { net, batches } = setup();
    const bad = trainer(net, ['first-bias-frozen']);
    expect(ratios('first-bias-frozen', batches[0]!)).toEqual([1, 1, 1]);
    expect(flagged(bad, batches[0]!)).toEqual([]);
    const report = updateCheck(bad, batches[0]!);
    expect(report.tensors.filter((t) => t.notUpdated).map((t) => t.name)).toEqual(['b1']);
    expect(updateCheck(trainer(net), batches[0]!).tensors.filter((t) => t.notUpdated)).toEqual([]);
    const b1 = bits(bad.params[0]!.b);
    const w1 = bits(bad.params[0]!.W.data);
    for (const b of batches) bad.step(b);
    expect(bits(bad.params[0]!.b)).toEqual(b1); // training quietly leaves b¹ where it started
    expect(bits(bad.params[0]!.W.data)).not.toEqual(w1);
    expect(Array.from(bad.step(batches[0]!, { trace: true }).trace!.layers[0]!.updateB!)).toEqual(new Array(5).fill(0));
  });

  it('ReLU derivative from the activation with >= 0: on ReLU layers, exactly "activation derivative left out"', () => {
    const { net, batches } = setup('relu');
    const fromA = trainer(net, ['relu-derivative-from-activation']).gradientsOn(batches[0]!);
    const leftOut = trainer(net, ['no-activation-derivative']).gradientsOn(batches[0]!);
    fromA.forEach((g, i) => {
      expect(bits(g.dW)).toEqual(bits(leftOut[i]!.dW));
      expect(bits(g.db)).toEqual(bits(leftOut[i]!.db));
    });
    expect(flagged(trainer(net, ['relu-derivative-from-activation']), batches[0]!)).toEqual(['W1', 'b1', 'W2', 'b2']);
    // The output layer is right: its gradient is the correct one.
    expect(ratios('relu-derivative-from-activation', batches[0]!, 'relu')[2]).toBe(1);
  });

  it('gradients accumulated: the second step applies the first batch’s gradient plus the second’s', () => {
    const { net, batches } = setup();
    const bad = trainer(net, ['gradients-accumulate']);
    const g1 = bad.gradientsOn(batches[0]!);
    bad.step(batches[0]!);
    const afterFirst = trainer(bad.network);
    const g2 = afterFirst.gradientsOn(batches[1]!);
    const carried = bad.gradientsOn(batches[1]!);
    carried.forEach((g, i) => g.dW.forEach((v, s) => expect(v).toBeCloseTo(g1[i]!.dW[s]! + g2[i]!.dW[s]!, 14)));
  });
});
