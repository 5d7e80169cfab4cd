import { describe, expect, it } from 'vitest';
import { BUGS, buggyBackwardLayer, createBugState, type BugName } from '../../../src/core/bugs.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { gradientCheck } from '../../../src/core/gradcheck.ts';
import { backwardLayer, createWorkspace, lossOnly } from '../../../src/core/passes.ts';
import { createRng } from '../../../src/core/rng.ts';
import { Trainer } from '../../../src/core/trainer.ts';
import { bits, buildNetwork, randomBatch } from './helpers.ts';

const HYPER = { learningRate: 0.1, optimizer: { kind: 'sgd' as const }, regularization: { kind: 'none' as const, lambda: 0 } };

function setup() {
  const rng = createRng(5);
  const net = buildNetwork({ inputs: 3, hidden: [4, 3], outputs: 2, hiddenActivation: 'tanh', outputActivation: 'identity', loss: 'softmax-cross-entropy' }, rng);
  const batches = Array.from({ length: 6 }, () => randomBatch(3, 2, 'softmax-cross-entropy', 4, rng));
  return { net, batches };
}

/** The tensors a gradient check marks (max relative error over 1e-4) for the trainer's gradients. */
function marked(trainer: Trainer, batch: ReturnType<typeof setup>['batches'][number]): string[] {
  const report = gradientCheck(trainer.spec, trainer.params, trainer.hyper.regularization, batch, { analytic: trainer.gradientsOn(batch) });
  return report.tensors.filter((t) => t.maxRelError > 1e-4).map((t) => t.name);
}

describe('bug lab', () => {
  it('with every switch off the trainer takes the correct path: bit-identical weights', () => {
    const { net, batches } = setup();
    const plain = new Trainer(net, HYPER);
    const switched = new Trainer(net, HYPER);
    switched.setBugs(['output-error-flipped']);
    switched.setBugs([]);
    for (const b of batches) {
      plain.step(b);
      switched.step(b);
    }
    expect(switched.bugs).toEqual([]);
    const w = (t: Trainer) => bits(t.params.flatMap((p) => [...p.W.data, ...p.b]));
    expect(w(switched)).toEqual(w(plain));
    expect(marked(plain, batches[0]!)).toEqual([]);
  });

  it('the buggy pass with no mistake in its set is the correct pass, bit for bit', () => {
    const { net, batches } = setup();
    const [a, b] = [createWorkspace(net.spec, 4), createWorkspace(net.spec, 4)];
    const state = { bugs: new Set<BugName>(), carried: createBugState(['gradients-accumulate'], net.params)!.carried };
    for (const ws of [a, b]) lossOnly(net.spec, net.params, HYPER.regularization, ws, batches[0]!);
    for (let l = 3; l >= 1; l--) {
      backwardLayer(net.spec, net.params, HYPER.regularization, a, batches[0]!.t, l);
      buggyBackwardLayer(net.spec, net.params, HYPER.regularization, b, batches[0]!.t, l, state);
    }
    a.layers.forEach((buf, i) => {
      expect(bits(b.layers[i]!.dW.data)).toEqual(bits(buf.dW.data));
      expect(bits(b.layers[i]!.db)).toEqual(bits(buf.db));
    });
  });

  it.each<[BugName, string[]]>([
    ['delta-divided-every-layer', ['W1', 'b1', 'W2', 'b2']],
    ['first-bias-frozen', []],
    ['no-activation-derivative', ['W1', 'b1', 'W2', 'b2']],
    ['output-error-flipped', ['W1', 'b1', 'W2', 'b2', 'W3', 'b3']],
    ['batch-summed', ['W1', 'b1', 'W2', 'b2', 'W3', 'b3']],
    ['relu-derivative-from-activation', []], // tanh hidden layers: the ReLU mistake has nothing to act on
  ])('%s: the gradient check marks exactly %j', (bug, expected) => {
    const { net, batches } = setup();
    const trainer = new Trainer(net, HYPER);
    trainer.setBugs([bug]);
    expect(marked(trainer, batches[0]!)).toEqual(expected);
  });

  it('gradients-accumulate: correct on the first batch, every tensor wrong once gradients are carried over', () => {
    const { net, batches } = setup();
    const trainer = new Trainer(net, HYPER);
    trainer.setBugs(['gradients-accumulate']);
    expect(marked(trainer, batches[1]!)).toEqual([]);
    trainer.step(batches[0]!);
    expect(marked(trainer, batches[1]!)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
  });

  it('a mistake changes what training does (the flipped output error climbs the loss)', () => {
    const { net, batches } = setup();
    const good = new Trainer(net, HYPER);
    const bad = new Trainer(net, HYPER);
    bad.setBugs(['output-error-flipped']);
    let goodLoss = 0;
    let badLoss = 0;
    for (let r = 0; r < 20; r++)
      for (const b of batches) {
        goodLoss = good.step(b).loss.data;
        badLoss = bad.step(b).loss.data;
      }
    expect(badLoss).toBeGreaterThan(goodLoss);
  });

  it('refuses unknown bug names, naming the entry', () => {
    const { net } = setup();
    const t = new Trainer(net, HYPER);
    expect(() => t.setBugs(['off-by-one'])).toThrow(ConfigError);
    expect(() => t.setBugs(['first-bias-frozen', 'nope'])).toThrow(/bugs\[1\]: unknown bug "nope"/);
    expect(t.bugs).toEqual([]);
    expect(BUGS).toHaveLength(7);
  });
});
